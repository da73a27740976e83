package org.distill4j.kernel.records;

import java.util.List;

/** Per-epoch values of one training, in epoch order; an accuracy not measured in an epoch is null. */
public record History(List<Double> trainLoss, List<Double> trainAccuracy, List<Double> validationAccuracy,
        List<Double> testAccuracy) {
}
