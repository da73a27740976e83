package org.distill4j.plugin.attentiontransfer;

/**
 * Which reduction of the normalised maps' difference: the official code's or the paper's formula. They differ in the
 * norm (squared or not) and in the factor 1/2, so the same beta means different strengths.
 */
public enum AttentionTransferMode {
    /**
     * {@code beta * mean over batch and positions of (Q_s/|Q_s| - Q_t/|Q_t|)^2} per pair (szagoruyko/attention-transfer
     * {@code at_loss}); beta = 1000 in its README.
     */
    CODE,
    /**
     * {@code beta/2 * 1/(B HW) * sum_b |Q_s/|Q_s| - Q_t/|Q_t||_2} per pair: the paper's formula, with its "beta
     * divided by the number of elements in the attention map and by the batch size".
     */
    PAPER
}
