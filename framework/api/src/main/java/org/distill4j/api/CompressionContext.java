package org.distill4j.api;

import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

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
     * learning rate each round, keeping the weights), while the masked weights stay zero: the gradients are masked
     * before every update (momentum and weight decay cannot regrow them) and the weights after it. Progress goes to
     * the run's console and event log under {@code label}.
     *
     * @param masks a 0/1 mask per vertex, shaped like its weight {@code W}
     * @return the accuracies after training (the run's selection rule picks the epoch)
     * @throws IllegalStateException when the run has no training section to retrain with
     */
    Retraining retrain(Network network, Map<String, INDArray> masks, String label);

    /** Writes one line of progress (block, residual, condition number) to the run's console. */
    void report(String line);
}
