package org.distill4j.plugin.dist;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** DIST: the student keeps the teacher's inter- and intra-class relations (Pearson correlations) of predictions. */
public final class DistPlugin implements Distill4jPlugin {

    static final String CITATION = "Huang, You, Wang, Qian, Xu. Knowledge Distillation from A Stronger Teacher."
            + " NeurIPS 2022, arXiv:2205.10536; official code hunto/DIST_KD";

    @Override
    public String name() {
        return "dist";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("dist", DistParams.class, DistDistiller.class,
                "DIST: ce-weight CE + tau^2 (beta (1 - mean Pearson over each sample's classes) + gamma (1 - mean"
                        + " Pearson over each class's samples)) of the softened predictions",
                CITATION));
    }
}
