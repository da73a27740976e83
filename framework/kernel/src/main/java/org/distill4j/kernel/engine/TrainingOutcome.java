package org.distill4j.kernel.engine;

import java.util.List;

/**
 * The result of training: the reported epoch and its accuracies, and every epoch's record.
 *
 * @param selectedEpoch      the epoch whose network is kept (the last, or the best on validation), from 1
 * @param validationAccuracy validation top-1 of the kept network (NaN without a validation split)
 * @param testAccuracy       test top-1 of the kept network; null when the test split is empty (a retrieval task)
 * @param epochs             one record per epoch
 * @param seconds            total wall-clock time
 */
public record TrainingOutcome(int selectedEpoch, double validationAccuracy, Double testAccuracy,
        List<EpochRecord> epochs, double seconds) {

    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }
}
