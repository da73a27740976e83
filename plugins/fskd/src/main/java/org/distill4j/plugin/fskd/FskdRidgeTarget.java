package org.distill4j.plugin.fskd;

/**
 * What the ridge pulls Q toward where the samples do not determine it (fewer rows N H W than channels, or
 * near-collinear channels).
 */
public enum FskdRidgeTarget {
    /**
     * {@code (A + lambda I) Q^T = G + lambda I}: directions the samples never excite keep Q = I, the student as
     * compressed. The default: at N = 10 a 1x1 map gives 10 rows for 64 channels.
     */
    IDENTITY,
    /** {@code (A + lambda I) Q^T = G}: ordinary ridge regression, close to the official code's minimum-norm lstsq. */
    ZERO
}
