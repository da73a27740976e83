package org.distill4j.api;

import org.distill4j.api.network.Network;

/**
 * Turns a trained teacher into a smaller student: filter pruning, network slimming, magnitude pruning, low-rank
 * decomposition. The record says what was removed, so that aligners can match student and teacher channels.
 */
public interface Compressor {

    Compression compress(Network teacher, CompressionContext context);
}
