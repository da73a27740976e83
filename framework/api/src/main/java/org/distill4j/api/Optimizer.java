package org.distill4j.api;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A named optimizer: the DL4J updater it applies, and its weight decay, added to the gradient before the updater
 * ({@code gradient += weightDecay * parameter}, coupled L2, as PyTorch's {@code weight_decay} does for SGD and Adam).
 */
public interface Optimizer {

    double learningRate();

    double weightDecay();

    /** Which parameters the weight decay reaches; PyTorch's {@code model.parameters()} is {@link WeightDecayScope#ALL}. */
    default WeightDecayScope weightDecayScope() {
        return WeightDecayScope.ALL;
    }

    /** A new updater configuration at the given learning rate. */
    IUpdater updater(double learningRate);
}
