package org.distill4j.plugin.fskd;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code fskd-bcd}. The paper's CIFAR experiments use 100 to 500 unlabeled images; the official code
 * solves with {@code numpy.linalg.lstsq}, which this replaces by Cholesky on float64 normal equations with a ridge
 * where they are ill-conditioned (docs/methods.md §8(b) step 2d).
 */
public record FskdBcdParams(
        @Parameter(description = "number of unlabeled training images (the first of the run's fixed sample order)",
                defaultValue = "100") @Range(min = 1) int samples,
        @Parameter(description = "images per forward pass while streaming the Gram matrices (memory only; the"
                + " result does not depend on it)", defaultValue = "100") @Range(min = 1) int batchSize,
        @Parameter(description = "relative ridge: when X^T X is ill-conditioned, ridge * trace(X^T X) / c is added"
                + " to its diagonal", defaultValue = "1e-6") @Range(min = 0, minExclusive = true) double ridge,
        @Parameter(description = "condition number of X^T X above which the ridge is added (a singular X^T X,"
                + " fewer rows N*H*W than channels, always gets it)", defaultValue = "1e8") @Range(min = 1)
        double conditionLimit,
        @Parameter(description = "what the ridge pulls Q toward where the samples do not determine it: identity"
                + " (Q keeps the compressed student there) or zero (ordinary ridge, near the official lstsq's"
                + " minimum norm)", defaultValue = "identity") FskdRidgeTarget ridgeToward) {

    public FskdBcdParams {
        if (Double.isInfinite(ridge) || Double.isNaN(ridge)) {
            throw new IllegalArgumentException("ridge must be finite, got " + ridge);
        }
        if (ridgeToward == null) {
            throw new IllegalArgumentException("ridge-toward must be identity or zero, got nothing");
        }
    }

    /** The defaults with another sample count. */
    public static FskdBcdParams withSamples(int samples) {
        return new FskdBcdParams(samples, 100, 1e-6, 1e8, FskdRidgeTarget.IDENTITY);
    }
}
