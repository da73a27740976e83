package org.distill4j.api;

import org.distill4j.api.network.Network;

/**
 * Recovers a compressed student from a few training images, matching it to its teacher: FSKD's block-coordinate
 * least squares, and the few-sample baselines it is compared with (SGD on the same images).
 *
 * <p>The student's vertices carry the teacher's names; where a compressor removed output channels, the
 * {@link Compression#keptChannels()} of that vertex say which of the teacher's channels the student's correspond to.
 */
public interface Aligner {

    /**
     * How many training images the aligner uses; the kernel checks it against the training split before any work
     * and passes the images through {@link CompressionContext#samples(int)}.
     */
    int samples();

    Alignment align(Network teacher, Compression student, CompressionContext context);
}
