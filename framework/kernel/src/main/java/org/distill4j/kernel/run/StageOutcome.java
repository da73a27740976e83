package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.TrainingOutcome;

import java.util.Objects;

/** What an earlier training stage of a run gave: its name and its per-epoch records. */
record StageOutcome(String name, TrainingOutcome outcome) {

    StageOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
    }
}
