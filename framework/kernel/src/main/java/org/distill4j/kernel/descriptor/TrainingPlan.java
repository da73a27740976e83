package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;
import org.distill4j.kernel.engine.Augmentation;
import org.distill4j.kernel.engine.ClassBalancedSampler;
import org.distill4j.kernel.engine.Selection;

import java.util.Objects;

/**
 * How the student is trained.
 *
 * @param epochs                 passes over the training split, {@code >= 1}
 * @param batchSize              images per step, {@code >= 1}
 * @param optimizer              the optimizer component
 * @param schedule               the learning-rate schedule component
 * @param augmentation           training-time augmentation
 * @param select                 which epoch's student the run reports
 * @param evaluateTestEveryEpoch whether to measure test accuracy after every epoch (for accuracy-vs-epoch plots;
 *                               selection never uses it)
 * @param batchNormL1            the L1 penalty lambda on batch-norm scales: lambda * sign(gamma) is added to the
 *                               gradient of every batch-norm scale before each update; 0 for none
 * @param sampler                P x K batches, or null for plain shuffled batches
 */
public record TrainingPlan(int epochs, int batchSize, ComponentChoice optimizer, ComponentChoice schedule,
        Augmentation augmentation, Selection select, boolean evaluateTestEveryEpoch, double batchNormL1,
        ClassBalancedSampler sampler) {

    /** Plain shuffled batches. */
    public TrainingPlan(int epochs, int batchSize, ComponentChoice optimizer, ComponentChoice schedule,
            Augmentation augmentation, Selection select, boolean evaluateTestEveryEpoch, double batchNormL1) {
        this(epochs, batchSize, optimizer, schedule, augmentation, select, evaluateTestEveryEpoch, batchNormL1, null);
    }

    public TrainingPlan {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(select, "select");
        if (!(batchNormL1 >= 0) || Double.isInfinite(batchNormL1)) {
            throw new IllegalArgumentException("batch-norm-l1 must be a finite number >= 0, got " + batchNormL1);
        }
        if (sampler != null) {
            sampler.requireFits(batchSize);
        }
        if (optimizer.kind() != ComponentKind.OPTIMIZER) {
            throw new IllegalArgumentException("expected an optimizer, got " + optimizer);
        }
        if (schedule.kind() != ComponentKind.SCHEDULE) {
            throw new IllegalArgumentException("expected a schedule, got " + schedule);
        }
    }
}
