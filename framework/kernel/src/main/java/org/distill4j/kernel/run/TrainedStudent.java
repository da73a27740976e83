package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.TrainingOutcome;

import java.util.List;
import java.util.Objects;

/**
 * The student after the train-stages stage.
 *
 * @param network its weights as the main training selected them
 * @param outcome the main training's per-epoch records and selected accuracies
 * @param stages  the earlier stages' records, in order
 */
record TrainedStudent(TrainableGraph network, TrainingOutcome outcome, List<StageOutcome> stages) {

    TrainedStudent {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(outcome, "outcome");
        stages = List.copyOf(stages);
    }

    /** The time every stage and the main training took. */
    double seconds() {
        return stages.stream().mapToDouble(stage -> stage.outcome().seconds()).sum() + outcome.seconds();
    }
}
