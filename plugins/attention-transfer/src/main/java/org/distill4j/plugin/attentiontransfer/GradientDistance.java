package org.distill4j.plugin.attentiontransfer;

/**
 * How the input-gradient distillers measure the difference {@code D_b} of two input gradients of sample {@code b}
 * (flattened over C·H·W) before the mean over the batch.
 */
public enum GradientDistance {
    /** {@code |D_b|_2}: the paper's norm (not squared), {@code (beta/2) mean_b |D_b|_2}. */
    PAPER,
    /** {@code |D_b|_2^2}: the squared norm, {@code (beta/2) mean_b |D_b|_2^2}, smooth where the difference vanishes. */
    SQUARED
}
