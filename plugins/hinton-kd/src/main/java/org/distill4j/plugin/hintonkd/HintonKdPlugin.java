package org.distill4j.plugin.hintonkd;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.NoParameters;

import java.util.List;

/** Hinton knowledge distillation, and the plain cross-entropy objective of the baselines. */
public final class HintonKdPlugin implements Distill4jPlugin {

    static final String CITATION = "Hinton, Vinyals, Dean. Distilling the Knowledge in a Neural Network. "
            + "NIPS Deep Learning Workshop 2014, arXiv:1503.02531";

    @Override
    public String name() {
        return "hinton-kd";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.distiller("hinton-kd", HintonKdParams.class, HintonKdDistiller.class,
                        "soft targets at temperature T mixed with hard-label cross-entropy: (1-alpha) CE + alpha T^2 KL",
                        CITATION),
                Component.distiller("cross-entropy", NoParameters.class, HintonKdCrossEntropyDistiller.class,
                        "softmax cross-entropy with the hard labels (no teacher)", ""));
    }
}
