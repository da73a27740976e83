package org.distill4j.api;

import org.distill4j.api.network.Network;

/**
 * Aligns a compressed student to its teacher without labels and without gradient descent, from a few samples
 * (FSKD's block-coordinate least squares).
 */
public interface Aligner {

    Alignment align(Network teacher, Compression student, CompressionContext context);
}
