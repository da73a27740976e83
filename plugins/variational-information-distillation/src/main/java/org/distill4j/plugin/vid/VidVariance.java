package org.distill4j.plugin.vid;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The per-channel variance of a pair's Gaussian, {@code sigma^2 = softplus(logScale) + epsilon}, with the learned
 * {@code pair<k>.log-scale} of shape {@code [C_t]} starting where {@code sigma^2} is the initial variance in every
 * channel ({@code VID.py} lines 33-36 and 48).
 */
final class VidVariance {

    static String logScaleName(int pair) {
        return "pair" + pair + ".log-scale";
    }

    /**
     * The log-scale whose variance is {@code initVariance}: the inverse softplus of {@code initVariance - epsilon},
     * RepDistiller's {@code log(exp(init_pred_var - eps) - 1)}, written as {@code x + log(1 - exp(-x))} so that large
     * variances do not overflow {@code exp}.
     */
    static double initialLogScale(double initVariance, double epsilon) {
        double softplus = initVariance - epsilon;
        return softplus + Math.log(-Math.expm1(-softplus));
    }

    /** {@code [teacherChannels]}: softplus(log-scale) + epsilon. */
    static SDVariable of(LossGraph graph, int pair, long teacherChannels, VidParams params) {
        SDVariable logScale = graph.parameter(logScaleName(pair), new long[] {teacherChannels},
                ParameterInit.constant(initialLogScale(params.initVariance(), params.epsilon())));
        return softplus(graph.sameDiff(), logScale).add(params.epsilon());
    }

    /**
     * {@code log(1 + exp(x))} that stays finite for large {@code x}: ND4J's softplus (like RepDistiller's
     * {@code torch.log(1.0 + torch.exp(x))}) overflows to infinity once {@code exp(x)} does (x > 88 in float). With
     * {@code p = [x > 0]}, held constant, {@code softplus(x) = p x + softplus((1 - 2p) x)}, whose softplus argument is
     * never positive; it has the exact gradient {@code sigmoid(x)} everywhere, 1/2 at 0 included.
     */
    static SDVariable softplus(SameDiff sameDiff, SDVariable x) {
        SDVariable positive = sameDiff.gt(x, 0.0).castTo(x.dataType());
        SDVariable sign = positive.mul(-2.0).add(1.0);
        return positive.mul(x).add(sameDiff.nn().softplus(sign.mul(x)));
    }

    private VidVariance() {
    }
}
