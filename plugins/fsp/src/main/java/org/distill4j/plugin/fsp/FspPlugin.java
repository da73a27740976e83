package org.distill4j.plugin.fsp;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** The FSP (flow of solution procedure) loss of Yim et al., the stage-1 objective of their two-stage training. */
public final class FspPlugin implements Distill4jPlugin {

    static final String CITATION = "Yim, Joo, Bae, Kim. A Gift from Knowledge Distillation: Fast Optimization,"
            + " Network Minimization and Transfer Learning. CVPR 2017";

    @Override
    public String name() {
        return "fsp";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("fsp", FspParams.class, FspDistiller.class, "matches the student's FSP"
                + " matrices G = F1^T F2 / (h w) between pairs of feature maps to the teacher's (stage 1 of the"
                + " two-stage training; equal channel counts)", CITATION));
    }
}
