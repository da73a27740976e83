package org.distill4j.kernel.engine;

/** Receives training progress; implementations decide how often to show it. */
public interface ProgressListener {

    ProgressListener SILENT = new ProgressListener() { };

    /**
     * After each batch.
     *
     * @param epoch           from 1
     * @param batch           from 1
     * @param imagesPerSecond throughput of the epoch so far
     * @param secondsLeft     estimate for the rest of the training stage
     */
    default void batch(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond,
            double secondsLeft) {
    }

    /** After each epoch's evaluation. */
    default void epoch(EpochRecord record, int epochs) {
    }
}
