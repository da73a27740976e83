package org.distill4j.models.nin;

/** The 2x2 pooling between the blocks of a NIN. */
public enum NinPool {
    /** The paper's max-pool. */
    MAX,
    /**
     * Average pooling: unlike a max-pool, its input gradient does not jump when the largest value of a window
     * changes, which the input-gradient distillers need (see the attention-transfer plugin README).
     */
    AVG
}
