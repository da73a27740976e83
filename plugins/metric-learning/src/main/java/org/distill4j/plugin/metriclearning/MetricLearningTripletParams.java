package org.distill4j.plugin.metriclearning;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code triplet}. The margin 0.2 is FaceNet's (Schroff et al. 2015) for unit-norm embeddings, whose
 * distances lie in [0, 2]; batch-hard mining is Hermans et al.'s recommended variant.
 */
public record MetricLearningTripletParams(
        @Parameter(description = "margin m of relu(d_ap - d_an + m), in units of the distance of unit vectors",
                defaultValue = "0.2") @Range(min = 0) double margin,
        @Parameter(description = "batch-hard (per anchor the farthest positive and the nearest negative) or batch-all"
                + " (the mean over every valid triplet)", defaultValue = "batch-hard")
        MetricLearningTripletMining mining,
        @Parameter(description = "the student's vector tap that is normalised and compared",
                defaultValue = "embedding") String embedding) {

    public MetricLearningTripletParams {
        if (mining == null) {
            throw new IllegalArgumentException("mining must be batch-hard or batch-all, got nothing");
        }
        if (embedding == null || embedding.isBlank()) {
            throw new IllegalArgumentException("embedding must name a vector vertex of the student, e.g. embedding,"
                    + " got " + (embedding == null ? "nothing" : "'" + embedding + "'"));
        }
    }

    /** The defaults: margin 0.2, batch-hard mining, the {@code embedding} tap. */
    public MetricLearningTripletParams() {
        this(0.2, MetricLearningTripletMining.BATCH_HARD, "embedding");
    }
}
