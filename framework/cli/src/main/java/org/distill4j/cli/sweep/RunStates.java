package org.distill4j.cli.sweep;

import org.distill4j.kernel.run.RunStore;

import java.nio.file.Files;

/** What the result store holds of a run, as far as planning a sweep needs to know. */
public interface RunStates {

    /** Whether the run is finished (its {@code DONE} file exists). */
    boolean isDone(RunKey run);

    /**
     * Whether the run is finished with its model file, so that it can teach without being touched; a DONE run
     * without it (records committed to git, models not) has its model rebuilt by the first run that needs it.
     */
    boolean hasModel(RunKey run);

    /** The states of the runs in a result store. */
    static RunStates of(RunStore store) {
        return new RunStates() {
            @Override
            public boolean isDone(RunKey run) {
                return RunStore.isDone(run.directory(store));
            }

            @Override
            public boolean hasModel(RunKey run) {
                return isDone(run) && Files.isRegularFile(run.directory(store).resolve(RunStore.MODEL));
            }
        };
    }
}
