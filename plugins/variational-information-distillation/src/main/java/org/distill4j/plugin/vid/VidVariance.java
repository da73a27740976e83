package org.distill4j.plugin.vid;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.nd4j.autodiff.samediff.SDVariable;

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
        return graph.sameDiff().nn().softplus(logScale).add(params.epsilon());
    }

    private VidVariance() {
    }
}
