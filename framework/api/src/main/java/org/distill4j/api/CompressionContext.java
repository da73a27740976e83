package org.distill4j.api;

import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;

/** What the kernel lends a compressor or aligner. */
public interface CompressionContext {

    /** The run's data (compressors that train, such as network slimming, use its training split). */
    Dataset data();

    long seed();

    /** Builds networks from specs, for compressors that create a narrower graph and copy weights into it. */
    NetworkFactory networks();

    /**
     * The first {@code count} images, with labels, of a fixed order of the training split drawn from the run's seed:
     * the same images for every aligner of the same seed, and the images for a smaller count are the first of those
     * for a larger one. No augmentation.
     *
     * @throws IllegalArgumentException when the training split holds fewer than {@code count} images
     */
    DataSplit samples(int count);

    /** Writes one line of progress (block, residual, condition number) to the run's console. */
    void report(String line);
}
