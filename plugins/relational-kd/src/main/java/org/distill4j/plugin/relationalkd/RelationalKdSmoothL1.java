package org.distill4j.plugin.relationalkd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The Huber loss of the paper with delta = 1, which is PyTorch's {@code smooth_l1_loss} with {@code beta = 1}:
 * {@code 0.5 x^2} for {@code |x| <= 1}, {@code |x| - 0.5} beyond. Written as {@code 0.5 q^2 + (|x| - q)} with
 * {@code q = min(|x|, 1)}, one expression with a continuous derivative ({@code x} inside, {@code sign(x)} outside), and
 * a zero derivative at {@code x = 0}, where the degenerate pairs and triplets sit.
 */
final class RelationalKdSmoothL1 {

    static final double DELTA = 1.0;

    /** Elementwise smooth-L1 of {@code difference}. */
    static SDVariable of(SameDiff sameDiff, SDVariable difference) {
        SDVariable magnitude = sameDiff.math().abs(difference);
        SDVariable quadratic = sameDiff.scalarMin(magnitude, DELTA);
        return quadratic.mul(quadratic).mul(0.5).add(magnitude.sub(quadratic));
    }

    private RelationalKdSmoothL1() {
    }
}
