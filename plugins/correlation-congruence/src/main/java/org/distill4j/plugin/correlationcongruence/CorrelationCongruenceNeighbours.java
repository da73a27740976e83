package org.distill4j.plugin.correlationcongruence;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The code-mode term, RepDistiller {@code distiller_zoo/CC.py} lines 14-17:
 *
 * <pre>
 *   delta = |e_s - e_t|                                  [B, D]
 *   L     = 1/(B-1) sum_{b=0}^{B-2} sum_d delta[b, d] delta[b+1, d]
 * </pre>
 *
 * that is {@code torch.mean((delta[:-1] * delta[1:]).sum(1))}: each sample's embedding error weighted by that of the
 * next sample in the batch. The batch size is known only when the graph runs, so instead of slicing (whose gradient
 * ND4J 1.0.0-M2.1 gets wrong on one-sample batches) the products of every two samples are formed, {@code delta
 * delta^T}, and the ones of neighbours picked with a mask built from the label placeholder's row count. A one-sample
 * batch has no neighbours and gives 0 (PyTorch's mean of nothing would be NaN).
 */
final class CorrelationCongruenceNeighbours {

    /**
     * @param differences {@code e_s - e_t}, {@code [B, D]}
     * @param labels      the graph's {@code [B, classes]} labels, used only for their number of rows
     */
    static SDVariable meanProduct(SameDiff sameDiff, SDVariable differences, SDVariable labels) {
        SDVariable magnitudes = sameDiff.math().abs(differences);
        // products[i, j] = sum_d delta[i, d] delta[j, d]; the multiplication takes the transpose itself.
        SDVariable products = sameDiff.mmul(magnitudes, magnitudes, false, true, false);
        SDVariable successors = successorMask(sameDiff, labels).castTo(products.dataType());
        SDVariable pairs = sameDiff.scalarMax(successors.sum(), 1.0);
        return products.mul(successors).sum().div(pairs);
    }

    /** {@code [B, B]}, true where the column is the row's next sample ({@code j = i + 1}). */
    private static SDVariable successorMask(SameDiff sameDiff, SDVariable labels) {
        SDVariable ones = sameDiff.onesLike(labels.sum(true, 1));
        SDVariable positions = sameDiff.cumsum(ones, false, false, 0);
        return sameDiff.eq(sameDiff.transpose(positions), positions.add(1.0));
    }

    private CorrelationCongruenceNeighbours() {
    }
}
