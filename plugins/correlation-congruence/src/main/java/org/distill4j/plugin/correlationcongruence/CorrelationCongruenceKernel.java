package org.distill4j.plugin.correlationcongruence;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The paper-mode correlation matrix of a batch of embeddings: the Gaussian RBF kernel
 * {@code k(x, y) = exp(-gamma |x - y|^2)} of L2-normalised embeddings, for which {@code |x - y|^2 = 2 - 2 x.y}, so
 * {@code k = exp(-2 gamma) exp(2 gamma x.y)}, with the second factor replaced by its Taylor series up to order P:
 *
 * <pre>
 *   x       = e / max(|e|_2, 1e-12)
 *   S       = x x^T                                                   [B, B] cosine similarities
 *   K       = sum_{p=0}^{P} exp(-2 gamma) (2 gamma)^p / p!  S^p        (S^p element-wise)
 * </pre>
 *
 * as AberHu/Knowledge-Distillation-Zoo {@code kd_losses/cc.py} lines 32-41 computes it.
 */
final class CorrelationCongruenceKernel {

    /** PyTorch's {@code F.normalize} divides by {@code max(norm, 1e-12)}. */
    static final double NORM_FLOOR = 1e-12;

    /** @param embeddings {@code [B, D]} */
    static SDVariable correlations(SameDiff sameDiff, SDVariable embeddings, double gamma, int order) {
        SDVariable squaredNorms = embeddings.mul(embeddings).sum(true, 1);
        // max(norm, floor) as sqrt(max(norm^2, floor^2)): the clamp before the root keeps a zero row's gradient finite.
        SDVariable unit = embeddings.div(sameDiff.math().sqrt(sameDiff.scalarMax(squaredNorms,
                NORM_FLOOR * NORM_FLOOR)));
        SDVariable similarities = sameDiff.mmul(unit, unit, false, true, false);
        SDVariable power = similarities;
        SDVariable kernel = similarities.mul(coefficient(gamma, 1)).add(coefficient(gamma, 0));
        for (int p = 2; p <= order; p++) {
            power = power.mul(similarities);
            kernel = kernel.add(power.mul(coefficient(gamma, p)));
        }
        return kernel;
    }

    /** {@code exp(-2 gamma) (2 gamma)^p / p!}. */
    static double coefficient(double gamma, int p) {
        double value = Math.exp(-2 * gamma);
        for (int k = 1; k <= p; k++) {
            value *= 2 * gamma / k;
        }
        return value;
    }

    private CorrelationCongruenceKernel() {
    }
}
