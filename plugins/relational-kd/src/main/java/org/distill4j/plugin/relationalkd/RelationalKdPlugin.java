package org.distill4j.plugin.relationalkd;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Relational knowledge distillation: the teacher's distances and angles between the samples of a batch. */
public final class RelationalKdPlugin implements Distill4jPlugin {

    static final String CITATION = "Park, Kim, Lu, Cho. Relational Knowledge Distillation. CVPR 2019,"
            + " arXiv:1904.05068";

    @Override
    public String name() {
        return "relational-kd";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("rkd", RelationalKdParams.class, RelationalKdDistiller.class,
                "Huber (smooth-L1) distance between the student's and teacher's mean-normalised pairwise distances"
                        + " (RKD-D) and triplet angle cosines (RKD-A) within a batch, weighted and summed",
                CITATION));
    }
}
