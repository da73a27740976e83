package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.api.ScheduleStep;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the {@code multi-step} schedule: PyTorch's {@code MultiStepLR(optimizer, milestones, gamma)},
 * stepped once per epoch (milestones are epochs) or after every batch (milestones are iterations, counted from 0
 * over the stage).
 */
public record MultiStepParams(
        @Parameter(description = "epochs (counted from 0; iterations with step: iteration) at which the rate is"
                + " multiplied by gamma, increasing")
        @Range(min = 1) List<Integer> milestones,
        @Parameter(description = "factor applied at each milestone", defaultValue = "0.1")
        @Range(min = 0, max = 1, minExclusive = true) double gamma,
        @Parameter(description = "when the rate changes: once per epoch, or after every batch (iteration) as a PyTorch"
                + " scheduler stepped per batch; milestones then count iterations", defaultValue = "epoch") ScheduleStep step) {

    public MultiStepParams {
        milestones = List.copyOf(milestones);
        Objects.requireNonNull(step, "step");
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i) <= milestones.get(i - 1)) {
                throw new IllegalArgumentException("milestones must increase strictly, got " + milestones);
            }
        }
    }

    /** Stepped once per epoch. */
    public MultiStepParams(List<Integer> milestones, double gamma) {
        this(milestones, gamma, ScheduleStep.EPOCH);
    }
}
