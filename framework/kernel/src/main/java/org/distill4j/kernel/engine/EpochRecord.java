package org.distill4j.kernel.engine;

import java.util.Map;

/**
 * What one epoch did; one line of {@code events.jsonl}.
 *
 * @param epoch              counted from 1
 * @param learningRate       the rate used during the epoch
 * @param trainLoss          mean loss over the epoch's batches
 * @param terms              mean of each reported loss term
 * @param trainAccuracy      top-1 accuracy on the (augmented) training batches, in training mode
 * @param validationAccuracy top-1 on the validation split, or null when it is empty
 * @param testAccuracy       top-1 on the test split, or null when not evaluated this epoch
 * @param seconds            wall-clock time of the epoch, evaluation included
 * @param imagesPerSecond    training throughput
 */
public record EpochRecord(int epoch, double learningRate, double trainLoss, Map<String, Double> terms,
        double trainAccuracy, Double validationAccuracy, Double testAccuracy, double seconds, double imagesPerSecond) {

    public EpochRecord {
        terms = Map.copyOf(terms);
    }
}
