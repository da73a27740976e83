package org.distill4j.plugin.relationalkd;

/**
 * How the Huber losses of the pairs and triplets of a batch of {@code B} samples are averaged. Degenerate tuples
 * (a sample paired with itself) have zero loss in both; they differ in whether they count.
 */
public enum RelationalKdMode {
    /**
     * lenscloth/RKD {@code metric/loss.py} ({@code F.smooth_l1_loss(..., reduction='elementwise_mean')}): the mean over
     * all {@code B^2} entries of the distance matrix and all {@code B^3} entries of the angle tensor, diagonal and
     * repeated indices included.
     */
    CODE,
    /**
     * The paper's sets of distinct tuples: the mean over the {@code B(B-1)} ordered pairs {@code i != j} and the
     * {@code B(B-1)(B-2)} ordered triplets of distinct samples. The paper writes sums over these sets; its weights
     * (lambda_D = 1, lambda_A = 2) are those of the code's means, so this mode averages.
     */
    PAPER
}
