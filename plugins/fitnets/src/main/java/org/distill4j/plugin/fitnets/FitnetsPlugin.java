package org.distill4j.plugin.fitnets;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** The hint loss of FitNets (Romero et al.), the stage-1 objective of their two-stage training. */
public final class FitnetsPlugin implements Distill4jPlugin {

    static final String CITATION = "Romero, Ballas, Kahou, Chassang, Gatta, Bengio. FitNets: Hints for Thin Deep"
            + " Nets. ICLR 2015";

    @Override
    public String name() {
        return "fitnets";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("fitnets-hint", FitnetsHintParams.class, FitnetsHintDistiller.class,
                "matches a teacher hint layer with a learned linear regressor of a student guided layer,"
                        + " 1/2 ||u_h - r(v_g)||^2 (stage 1 of the two-stage training, or a term beside"
                        + " cross-entropy); the regressor trains with the student", CITATION));
    }
}
