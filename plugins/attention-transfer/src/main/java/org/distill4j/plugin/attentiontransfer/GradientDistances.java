package org.distill4j.plugin.attentiontransfer;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The batch-mean distance between two batches of input gradients, shared by the input-gradient distillers. */
final class GradientDistances {

    /**
     * Added under the square root of the paper's norm: the norm's gradient {@code D/|D|} has no value at
     * {@code D = 0} (a student whose gradient already equals the target's), and SameDiff would return NaN there.
     * It changes a norm of 1e-3 by less than 1e-6 relative.
     */
    static final double EPSILON = 1e-12;

    /**
     * {@code mean_b |a_b - b_b|} over the batch, each sample flattened over C·H·W.
     *
     * @param shape the per-sample shape with -1 for the batch, {@code [-1, C, H, W]}
     */
    static SDVariable mean(SameDiff sameDiff, SDVariable first, SDVariable second, long[] shape,
            GradientDistance distance) {
        long elements = 1;
        for (int axis = 1; axis < shape.length; axis++) {
            elements *= shape[axis];
        }
        SDVariable rows = first.sub(second).reshape(-1, elements);
        SDVariable squares = rows.mul(rows).sum(1);
        SDVariable perSample = distance == GradientDistance.SQUARED ? squares
                : sameDiff.math().sqrt(squares.add(EPSILON));
        return perSample.mean();
    }

    private GradientDistances() {
    }
}
