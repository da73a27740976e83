package org.distill4j.kernel.builtin;

import jakarta.inject.Inject;
import org.distill4j.api.LearningRateSchedule;

import java.util.Objects;

/** Multiplies the rate by gamma at each milestone epoch, as PyTorch's MultiStepLR stepped once per epoch. */
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
}
