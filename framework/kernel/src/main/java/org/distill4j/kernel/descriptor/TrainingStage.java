package org.distill4j.kernel.descriptor;

import java.util.List;
import java.util.Objects;

/**
 * A training stage that runs before an experiment's main training: its objectives, the parameters it trains and
 * how. The student's weights pass from one stage to the next; optimiser state and schedules start afresh.
 *
 * @param name       a label for logs and metrics, {@code [a-z0-9][a-z0-9-]*}, distinct within the experiment
 * @param distillers the stage's objectives, summed with their weights; at least one
 * @param trained    which student parameters the stage updates
 * @param training   the stage's epochs, batch size, optimiser, schedule and augmentation
 */
public record TrainingStage(String name, List<WeightedDistiller> distillers, TrainedParameters trained,
        TrainingPlan training) {

    public TrainingStage {
        Objects.requireNonNull(name, "name");
        distillers = List.copyOf(distillers);
        Objects.requireNonNull(trained, "trained");
        Objects.requireNonNull(training, "training");
        if (distillers.isEmpty()) {
            throw new IllegalArgumentException("stage '" + name + "' needs at least one distiller");
        }
    }
}
