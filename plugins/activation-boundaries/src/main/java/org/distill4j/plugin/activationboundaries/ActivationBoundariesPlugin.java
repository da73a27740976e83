package org.distill4j.plugin.activationboundaries;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/**
 * Activation-boundary distillation (AB) of Heo et al.: the student learns on which side of zero the teacher's hidden
 * neurons are, through a margin hinge on its pre-activations; the initialisation stage of a two-stage training.
 */
public final class ActivationBoundariesPlugin implements Distill4jPlugin {

    static final String CITATION = "Heo, Lee, Yun, Choi. Knowledge Transfer via Distillation of Activation Boundaries"
            + " Formed by Hidden Neurons. AAAI 2019 (arXiv:1811.03233)";

    @Override
    public String name() {
        return "activation-boundaries";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("ab", ActivationBoundariesParams.class, ActivationBoundariesDistiller.class,
                "transfers the teacher's activation boundaries: a squared hinge of margin m on the student's"
                        + " pre-activations (through a trainable 1x1 conv + batch-norm connector) towards the side of"
                        + " zero of the teacher's, (m - s)^2 where t > 0 and s <= m, (m + s)^2 where t <= 0 and"
                        + " s > -m (the initialisation stage of a two-stage training)", CITATION));
    }
}
