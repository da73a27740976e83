package org.distill4j.api;

import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Numerically safe SameDiff building blocks for losses.
 *
 * <p>ND4J 1.0.0-M2.1's {@code log_softmax} computes {@code log(softmax(x))}: a logit more than about 88 below the row
 * maximum underflows to {@code -inf} in float32, and {@code 0 * -inf} then turns a cross-entropy or KL term into NaN
 * (measured: {@code logSoftmax([300, 0, 1]) = [0, -inf, -inf]}). Its variant with a dimension argument also breaks
 * gradient creation. Losses therefore use {@link #logSoftmax}, the log-sum-exp form.
 */
public final class Losses {

    /**
     * {@code x - max(x) - log(sum(exp(x - max(x))))} over the last axis of {@code [batch, classes]} logits: never
     * {@code -inf} for finite logits. The gradient through the subtracted maximum cancels exactly.
     */
    public static SDVariable logSoftmax(SameDiff sameDiff, SDVariable logits) {
        SDVariable shifted = logits.sub(logits.max(true, 1));
        SDVariable logSum = sameDiff.math().log(sameDiff.math().exp(shifted).sum(true, 1));
        return shifted.sub(logSum);
    }

    /** Mean over the batch of {@code -sum_i y_i log softmax(z)_i} for one-hot (or soft) targets {@code y}. */
    public static SDVariable crossEntropy(SameDiff sameDiff, SDVariable logits, SDVariable targets) {
        return targets.mul(logSoftmax(sameDiff, logits)).sum(1).mean().neg();
    }

    /**
     * Block average pooling of a batch of feature maps {@code [B, C, H, W]} (per-sample {@code shape}) down to
     * {@code [B, C, height, width]}: each output element is the mean of a block of {@code H/height x W/width}
     * inputs, which is PyTorch's {@code adaptive_avg_pool2d} when the sizes divide. Feature losses that compare maps
     * of different resolutions (attention transfer, FSP) pool the larger map with it, as RepDistiller does; it is a
     * reshape and a mean, so its gradient spreads each output gradient evenly over its block. The map is returned
     * unchanged when it already has the target size.
     *
     * @param map    {@code [B, C, H, W]}
     * @param shape  the per-sample shape of {@code map}, a feature map {@code C x H x W}
     * @param height the target height, dividing {@code H}
     * @param width  the target width, dividing {@code W}
     * @throws IllegalArgumentException when {@code shape} is a vector or the target size does not divide it
     */
    public static SDVariable averagePool(SDVariable map, TensorShape shape, int height, int width) {
        if (shape.flat() || height < 1 || width < 1 || shape.height() % height != 0 || shape.width() % width != 0) {
            throw new IllegalArgumentException("cannot average-pool a " + shape + " activation to " + height + "x"
                    + width + ": pooling needs a C x H x W feature map whose height and width are integer multiples"
                    + " of the target's");
        }
        if (shape.height() == height && shape.width() == width) {
            return map;
        }
        long rows = shape.height() / height;
        long columns = shape.width() / width;
        // [B, C, height, rows, width, columns]: row-major NCHW keeps each block's rows and columns in axes 3 and 5.
        return map.reshape(-1, shape.channels(), height, rows, width, columns).mean(3, 5);
    }

    private Losses() {
    }
}
