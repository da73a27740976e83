package org.distill4j.api;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

import java.util.Optional;

/**
 * Turns a trained teacher into a smaller student: filter pruning, network slimming, magnitude pruning, low-rank
 * decomposition. The record says what was removed, so that aligners can match student and teacher channels.
 */
public interface Compressor {

    Compression compress(Network teacher, CompressionContext context);

    /**
     * What would stop {@link #compress} on a teacher of this architecture, found from the spec alone when the
     * descriptor is read, before any teacher trains: a layer the parameters name that the network does not have, or
     * cannot lose channels. Empty when the parameters fit the architecture.
     */
    default Optional<String> problem(NetworkSpec architecture) {
        return Optional.empty();
    }

    /**
     * Whether the compression holds weights at zero through later training ({@link Compression#training()}), as
     * unstructured pruning does. Such a student cannot be aligned: an aligner's merged layers would fill the pruned
     * weights in, so a descriptor that adds one is refused.
     */
    default boolean masksWeights() {
        return false;
    }
}
