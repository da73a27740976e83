package org.distill4j.plugin.relationalkd;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code rkd}. The weights are the official code's for metric learning (lenscloth/RKD
 * {@code examples/*.sh} and README: {@code --dist_ratio 1 --angle_ratio 2}); RepDistiller's CIFAR benchmark uses 25 and
 * 50 ({@code distiller_zoo/RKD.py}). A weight of 0 leaves its term out: {@code angle-weight: 0} is RKD-D,
 * {@code distance-weight: 0} RKD-A.
 */
public record RelationalKdParams(
        @Parameter(description = "weight lambda_D of the distance-wise term RKD-D (0 leaves it out)",
                defaultValue = "1") @Range(min = 0) double distanceWeight,
        @Parameter(description = "weight lambda_A of the angle-wise term RKD-A (0 leaves it out)",
                defaultValue = "2") @Range(min = 0) double angleWeight,
        @Parameter(description = "student vertex whose per-sample vectors are related (a feature map is flattened),"
                + " e.g. pool (penultimate features), logits or embedding", defaultValue = "logits") String student,
        @Parameter(description = "teacher vertex whose per-sample vectors are related; its width may differ from"
                + " the student's", defaultValue = "logits") String teacher,
        @Parameter(description = "averaging: code (over all B^2 pairs and B^3 triplets, lenscloth/RKD) or paper (over"
                + " the distinct pairs and triplets)", defaultValue = "code") RelationalKdMode mode) {

    public RelationalKdParams {
        if (distanceWeight == 0 && angleWeight == 0) {
            throw new IllegalArgumentException("distance-weight and angle-weight are both 0, so rkd adds nothing;"
                    + " give at least one a positive weight (the official code's are 1 and 2)");
        }
        student = tap("student", student);
        teacher = tap("teacher", teacher);
    }

    /** The defaults: weights 1 and 2 on the logits of both networks, the code's averaging. */
    public RelationalKdParams() {
        this(1, 2, "logits", "logits", RelationalKdMode.CODE);
    }

    private static String tap(String role, String vertex) {
        if (vertex == null || vertex.isBlank()) {
            throw new IllegalArgumentException(role + " must name a vertex of the " + role + " network, e.g. pool or"
                    + " logits, got " + (vertex == null ? "nothing" : "'" + vertex + "'"));
        }
        return vertex;
    }
}
