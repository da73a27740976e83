package org.distill4j.kernel.records;

import java.util.Map;

/** One line of {@code events.jsonl}: an epoch of one training of the run, written as it ends. */
public record EpochEvent(String stage, int epoch, double learningRate, double trainLoss, Map<String, Double> terms,
        double trainAccuracy, Double validationAccuracy, Double testAccuracy, double seconds,
        double imagesPerSecond) {
}
