package org.distill4j.plugin.metriclearning;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Task losses of deep metric learning, which train an embedding from the labels alone (no teacher). */
public final class MetricLearningPlugin implements Distill4jPlugin {

    static final String CITATION = "Hermans, Beyer, Leibe. In Defense of the Triplet Loss for Person "
            + "Re-Identification. arXiv:1703.07737, 2017";

    @Override
    public String name() {
        return "metric-learning";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("triplet", MetricLearningTripletParams.class,
                MetricLearningTripletDistiller.class,
                "margin triplet loss relu(d_ap - d_an + m) on normalised embeddings, batch-hard or batch-all mining"
                        + " of the batch's labels", CITATION));
    }
}
