package org.distill4j.plugin.fsp;

import org.distill4j.api.Losses;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The FSP ("flow of solution procedure") matrix of Yim et al. (2017, equation 1), per sample:
 *
 * <pre>
 *   G_ij = sum_{s,t} F1_{i,s,t} F2_{j,s,t} / (h w)          G = F1_mat^T F2_mat / (h w),  C1 x C2
 * </pre>
 *
 * with {@code F1_mat} and {@code F2_mat} the maps reshaped to {@code h w x C}. When the two maps differ in spatial
 * size, the larger is average-pooled to the smaller first (RepDistiller's {@code adaptive_avg_pool2d}); pooling
 * comes before the product, as the product of pooled maps is not the pooled product.
 */
final class FspMatrix {

    /**
     * {@code [B, C1, C2]} from {@code first} {@code [B, C1, H1, W1]} and {@code second} {@code [B, C2, H2, W2]}.
     * The product is one batched matrix multiplication, so G is never averaged over the batch.
     */
    static SDVariable of(SameDiff sameDiff, SDVariable first, TensorShape firstShape, SDVariable second,
            TensorShape secondShape) {
        int height = Math.min(firstShape.height(), secondShape.height());
        int width = Math.min(firstShape.width(), secondShape.width());
        long positions = (long) height * width;
        SDVariable firstRows = Losses.averagePool(first, firstShape, height, width)
                .reshape(-1, firstShape.channels(), positions);
        SDVariable secondRows = Losses.averagePool(second, secondShape, height, width)
                .reshape(-1, secondShape.channels(), positions);
        // [B, C1, hw] x [B, hw, C2]: the transpose of the second operand is taken by the multiplication itself.
        return sameDiff.mmul(firstRows, secondRows, false, true, false).div(positions);
    }

    private FspMatrix() {
    }
}
