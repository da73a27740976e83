package org.distill4j.kernel.builtin;

import jakarta.inject.Inject;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.ScheduleStep;

import java.util.Objects;

/**
 * Cosine annealing from the base rate towards {@code minimum-factor} over the stage, per epoch or per iteration:
 * {@code factor(t, T) = m + (1 - m) (1 + cos(pi t / T)) / 2}, the closed form of PyTorch's {@code CosineAnnealingLR}
 * after {@code t} steps with {@code T_max = T}.
 */
public final class CosineSchedule implements LearningRateSchedule {

    private final CosineParams params;

    @Inject
    public CosineSchedule(CosineParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public double factor(int epoch, int epochs) {
        double minimum = params.minimumFactor();
        return minimum + (1 - minimum) * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
    }

    @Override
    public ScheduleStep step() {
        return params.step();
    }
}
