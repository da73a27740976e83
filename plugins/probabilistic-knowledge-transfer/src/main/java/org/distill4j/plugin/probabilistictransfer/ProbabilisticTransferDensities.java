package org.distill4j.plugin.probabilistictransfer;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Arrays;

/**
 * The conditional probabilities PKT compares, as the authors' {@code cosine_similarity_loss} computes them
 * (passalis/probabilistic_kt {@code nn/pkt.py}, lines 88-108): every sample normalised, the cosine similarity of every
 * two samples mapped to [0, 1], and each row divided by its sum, so that {@code P[i, j]} is the probability of sample j
 * given sample i. Sample i itself is one of its candidates (the diagonal, a similarity of about 1, stays in).
 */
final class ProbabilisticTransferDensities {

    /** The {@code eps} of the authors' code (its default argument, {@code nn/pkt.py} line 88). */
    static final double EPSILON = 1e-7;

    /**
     * Clamps the squared norm before the square root: an all-zero sample then has a finite gradient. The value changes
     * only for such a sample, whose norm becomes 1e-15 instead of 0, both negligible beside {@link #EPSILON}.
     */
    static final double SQUARED_NORM_FLOOR = 1e-30;

    /**
     * @param activation the tap, batch first
     * @param batchShape its shape with -1 for the batch
     * @return {@code [B, B]}, rows summing to 1
     */
    static SDVariable of(SameDiff sameDiff, SDVariable activation, long[] batchShape) {
        long elements = Arrays.stream(batchShape).skip(1).reduce(1, (a, b) -> a * b);
        SDVariable rows = activation.reshape(-1, elements);
        SDVariable squaredNorms = rows.mul(rows).sum(true, 1);
        SDVariable norms = sameDiff.math().sqrt(sameDiff.scalarMax(squaredNorms, SQUARED_NORM_FLOOR));
        SDVariable unit = rows.div(norms.add(EPSILON));
        // [B, E] x [B, E]^T: the multiplication takes the transpose itself.
        SDVariable cosines = sameDiff.mmul(unit, unit, false, true, false);
        SDVariable kernel = cosines.add(1.0).div(2.0);
        return kernel.div(kernel.sum(true, 1));
    }

    private ProbabilisticTransferDensities() {
    }
}
