package org.distill4j.api;

import org.distill4j.api.data.Dataset;

/** What the kernel lends a compressor or aligner. */
public interface CompressionContext {

    /** The run's data (compressors that train, such as network slimming, use its training split). */
    Dataset data();

    long seed();

    /** Builds networks from specs, for compressors that create a narrower graph and copy weights into it. */
    NetworkFactory networks();
}
