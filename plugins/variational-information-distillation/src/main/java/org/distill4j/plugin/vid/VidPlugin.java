package org.distill4j.plugin.vid;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Variational information distillation (Ahn et al.), as RepDistiller implements it. */
public final class VidPlugin implements Distill4jPlugin {

    static final String CITATION = "Ahn, Hu, Damianou, Lawrence, Dai. Variational Information Distillation for"
            + " Knowledge Transfer. CVPR 2019 (arXiv:1904.05835); reference code: RepDistiller distiller_zoo/VID.py";

    @Override
    public String name() {
        return "variational-information-distillation";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("vid", VidParams.class, VidDistiller.class,
                "maximises a variational lower bound of the mutual information between teacher and student feature"
                        + " maps: the negative log-likelihood of each teacher map under a Gaussian whose mean a learned"
                        + " 1x1-conv regressor computes from the student map and whose per-channel variance is"
                        + " learned, mean over batch, channels and positions, summed over pairs", CITATION));
    }
}
