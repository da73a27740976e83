package org.distill4j.api;

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

    private Losses() {
    }
}
