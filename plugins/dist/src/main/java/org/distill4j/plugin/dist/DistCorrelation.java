package org.distill4j.plugin.dist;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The Pearson correlation of DIST, as {@code pearson_correlation} in the official {@code dist_kd.py} computes it:
 * the cosine similarity of the two centred vectors, {@code <a - mean a, b - mean b> / (|a - mean a| |b - mean b| +
 * eps)}. The correlation is invariant to {@code a -> s a + c} for any {@code s > 0} (up to the eps), which is why DIST
 * asks the student to keep the teacher's relations between predictions rather than to match them exactly.
 */
final class DistCorrelation {

    /**
     * Under the product of the squared centred norms, before the square root: keeps the gradient of a constant vector
     * (all its centred entries 0, e.g. a class's probabilities in a one-sample batch) at 0 instead of NaN, as
     * PyTorch's norm has a zero subgradient there. It is far below any product of norms that carries a correlation.
     */
    static final double NORM_FLOOR = 1e-30;

    /**
     * The correlation of each pair of vectors along {@code axis} of two arrays {@code [B, C, 1]}: axis 1 correlates
     * each sample's probabilities over the classes (inter-class relation), axis 0 each class's probabilities over the
     * batch (intra-class relation). The result keeps the other two axes.
     */
    static SDVariable pearson(SameDiff sameDiff, SDVariable a, SDVariable b, int axis, double epsilon) {
        SDVariable aCentred = a.sub(a.mean(true, axis));
        SDVariable bCentred = b.sub(b.mean(true, axis));
        SDVariable inner = aCentred.mul(bCentred).sum(axis);
        SDVariable squaredNorms = aCentred.mul(aCentred).sum(axis).mul(bCentred.mul(bCentred).sum(axis));
        SDVariable normProduct = sameDiff.math().sqrt(squaredNorms.add(NORM_FLOOR));
        return inner.div(normProduct.add(epsilon));
    }

    private DistCorrelation() {
    }
}
