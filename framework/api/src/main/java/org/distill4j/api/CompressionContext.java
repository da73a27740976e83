package org.distill4j.api;

import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;

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

    /**
     * Trains the network in place with the run's own training: its distillers, optimizer and batch size, with its
     * learning-rate schedule started afresh (so a compressor that calls this once per pruning round rewinds the
     * learning rate each round, keeping the weights), with {@code hook} around every update (unstructured pruning's
     * masks, which keep the pruned weights at zero). Progress goes to the run's console and event log under
     * {@code label}.
     *
     * @param hook what the training must do around each update besides the run's own; {@link TrainingHook#NONE}
     * @return the accuracies after training (the run's selection rule picks the epoch)
     * @throws IllegalStateException when the run has no training section to retrain with
     */
    Retraining retrain(Network network, TrainingHook hook, String label);

    /** Writes one line of progress (block, residual, condition number) to the run's console. */
    void report(String line);
}
