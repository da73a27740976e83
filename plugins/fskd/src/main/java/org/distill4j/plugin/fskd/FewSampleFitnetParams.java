package org.distill4j.plugin.fskd;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code few-sample-fitnet}. The FitNet baseline of the paper's tables: every weight of the folded student trained by SGD on the block L2 losses at the FSKD taps (no Q), on the same N images; no labels.
 */
public record FewSampleFitnetParams(
        @Parameter(description = "number of training images (the first of the run's fixed sample order, the same"
                + " images fskd-bcd uses)", defaultValue = "100") @Range(min = 1) int samples,
        @Parameter(description = "passes over the samples", defaultValue = "100") @Range(min = 1) int epochs,
        @Parameter(description = "images per SGD step", defaultValue = "25") @Range(min = 1) int batchSize,
        @Parameter(description = "SGD learning rate", defaultValue = "0.01") @Range(min = 0, minExclusive = true)
        double learningRate,
        @Parameter(description = "SGD momentum (PyTorch form: v = momentum v + g, p -= learning-rate v)",
                defaultValue = "0.9") @Range(min = 0, max = 1, maxExclusive = true) double momentum) {

    public FewSampleFitnetParams {
        settings(samples, epochs, batchSize, learningRate, momentum);
    }

    /** The engine settings these parameters give (validated again there). */
    public FewSampleSettings settings() {
        return settings(samples, epochs, batchSize, learningRate, momentum);
    }

    private static FewSampleSettings settings(int samples, int epochs, int batchSize, double learningRate,
            double momentum) {
        return new FewSampleSettings(samples, epochs, batchSize, learningRate, momentum);
    }
}
