package org.distill4j.kernel.builtin;

import org.distill4j.api.LearningRateSchedule;

/** The base learning rate throughout. */
public final class ConstantSchedule implements LearningRateSchedule {

    @Override
    public double factor(int epoch, int epochs) {
        return 1.0;
    }
}
