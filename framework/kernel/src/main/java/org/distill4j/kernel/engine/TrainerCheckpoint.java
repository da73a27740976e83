package org.distill4j.kernel.engine;

import java.util.Optional;

/**
 * Where a training keeps its state at the end of each epoch, so that a killed run goes on from its last epoch
 * instead of from the start. {@link #NONE} keeps nothing.
 */
public interface TrainerCheckpoint {

    /** Keeps nothing: a training that stops starts over. */
    TrainerCheckpoint NONE = new TrainerCheckpoint() {
        @Override
        public Optional<TrainerState> load() {
            return Optional.empty();
        }

        @Override
        public void save(TrainerState state) {
        }
    };

    /** The state of the last finished epoch, if one was kept for this training. */
    Optional<TrainerState> load();

    /** Replaces the kept state, atomically: a kill during the write leaves the previous one. */
    void save(TrainerState state);
}
