package org.distill4j.kernel.records;

import java.util.Map;

/**
 * The {@code alignment} section of {@code metrics.json}: the aligner, its samples, the student's accuracy after it,
 * the residual per aligned vertex, and the aligner's own facts (its plugin documents the keys).
 */
public record AlignmentMetrics(String aligner, int samples, double testAccuracy, Double validationAccuracy,
        Map<String, Double> residuals, Record details) {
}
