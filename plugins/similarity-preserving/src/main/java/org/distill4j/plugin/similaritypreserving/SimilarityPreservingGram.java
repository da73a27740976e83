package org.distill4j.plugin.similaritypreserving;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Arrays;

/**
 * The batch similarity matrix of one activation, {@code G = normalize_rows(Q Q^T)} with {@code Q} the activation
 * flattened to {@code [B, elements]}: entry {@code (i, j)} is the dot product of samples i and j, each row divided by
 * its L2 norm (SP paper, eq. 1 and 2; RepDistiller {@code distiller_zoo/SP.py}, lines 17-26).
 */
final class SimilarityPreservingGram {

    /**
     * PyTorch's {@code F.normalize} divides by {@code max(norm, 1e-12)}: the floor only matters for an all-zero row
     * (a sample whose activation is zero), which then stays zero instead of becoming NaN.
     */
    static final double NORM_FLOOR = 1e-12;

    /**
     * @param activation the tap, batch first
     * @param batchShape its shape with -1 for the batch
     * @return {@code [B, B]}
     */
    static SDVariable of(SameDiff sameDiff, SDVariable activation, long[] batchShape) {
        long elements = Arrays.stream(batchShape).skip(1).reduce(1, (a, b) -> a * b);
        SDVariable rows = activation.reshape(-1, elements);
        // [B, E] x [B, E]^T: the multiplication takes the transpose itself.
        SDVariable products = sameDiff.mmul(rows, rows, false, true, false);
        // max(norm, floor) as sqrt(max(norm^2, floor^2)): the same value, and the clamp before the square root keeps
        // the gradient of an all-zero row finite (the derivative of sqrt at 0 is infinite).
        SDVariable squaredNorms = products.mul(products).sum(true, 1);
        return products.div(sameDiff.math().sqrt(sameDiff.scalarMax(squaredNorms, NORM_FLOOR * NORM_FLOOR)));
    }

    private SimilarityPreservingGram() {
    }
}
