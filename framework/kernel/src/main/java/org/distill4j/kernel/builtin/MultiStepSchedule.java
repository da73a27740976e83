package org.distill4j.kernel.builtin;

import jakarta.inject.Inject;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.ScheduleStep;

import java.util.Objects;

/**
 * Multiplies the rate by gamma at each milestone, as PyTorch's {@code MultiStepLR}: once per epoch (milestones are
 * epochs) or after every batch (milestones are iterations).
 */
public final class MultiStepSchedule implements LearningRateSchedule {

    private final MultiStepParams params;

    @Inject
    public MultiStepSchedule(MultiStepParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public double factor(int epoch, int epochs) {
        int passed = 0;
        for (int milestone : params.milestones()) {
            if (epoch >= milestone) {
                passed++;
            }
        }
        return Math.pow(params.gamma(), passed);
    }

    @Override
    public ScheduleStep step() {
        return params.step();
    }
}
