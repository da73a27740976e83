package org.distill4j.api;

import org.nd4j.linalg.learning.config.IUpdater;

/** A named optimizer: the DL4J updater it applies, and its weight decay (added to the gradient, as PyTorch does). */
public interface Optimizer {

    double learningRate();

    double weightDecay();

    /** A new updater configuration at the given learning rate. */
    IUpdater updater(double learningRate);
}
