package org.distill4j.models.vgg;

/** How the last feature map reaches the classifier. */
public enum VggFinalPool {
    /** The classifier reads the whole map, flattened in channel, row, column order. */
    FLATTEN,
    /** Each channel is averaged over the map first (vertex {@code pool}), so the classifier reads one value per channel. */
    GLOBAL_AVG
}
