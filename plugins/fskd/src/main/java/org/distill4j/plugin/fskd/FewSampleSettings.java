package org.distill4j.plugin.fskd;

/**
 * How the SGD aligners train: plain SGD with momentum (PyTorch's form, {@code v = momentum v + g},
 * {@code p -= learningRate v}), the samples reshuffled each epoch with the run's seed.
 */
public record FewSampleSettings(int samples, int epochs, int batchSize, double learningRate, double momentum) {

    public FewSampleSettings {
        if (samples < 1 || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("samples, epochs and batch size must be >= 1, got " + samples + ", "
                    + epochs + " and " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }
}
