package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.api.ScheduleStep;

import java.util.Objects;

/**
 * Parameters of the {@code cosine} schedule: PyTorch's {@code CosineAnnealingLR(optimizer, T_max, eta_min)} with
 * {@code T_max} the stage's epochs ({@code step: epoch}) or its iterations, epochs times batches per epoch
 * ({@code step: iteration}), and {@code eta_min = minimum-factor * learning-rate}.
 */
public record CosineParams(
        @Parameter(description = "the factor reached at the end, as a fraction of the base rate", defaultValue = "0")
        @Range(min = 0, max = 1) double minimumFactor,
        @Parameter(description = "when the rate changes: once per epoch, or after every batch (iteration) as a PyTorch"
                + " scheduler stepped per batch", defaultValue = "epoch") ScheduleStep step) {

    public CosineParams {
        Objects.requireNonNull(step, "step");
    }

    /** Stepped once per epoch. */
    public CosineParams(double minimumFactor) {
        this(minimumFactor, ScheduleStep.EPOCH);
    }
}
