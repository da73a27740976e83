package org.distill4j.kernel.engine;

import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.Optimizer;

import java.util.Objects;

/**
 * How to train one network: epochs, batches, optimizer, schedule, augmentation, selection; {@code sampler} is null for
 * plain shuffled batches.
 */
public record TrainingSettings(int epochs, int batchSize, Optimizer optimizer, LearningRateSchedule schedule,
        Augmentation augmentation, Selection selection, boolean evaluateTestEveryEpoch, ClassBalancedSampler sampler) {

    /** Plain shuffled batches. */
    public TrainingSettings(int epochs, int batchSize, Optimizer optimizer, LearningRateSchedule schedule,
            Augmentation augmentation, Selection selection, boolean evaluateTestEveryEpoch) {
        this(epochs, batchSize, optimizer, schedule, augmentation, selection, evaluateTestEveryEpoch, null);
    }

    public TrainingSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(selection, "selection");
    }
}
