package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.ProgressListener;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a run reports: its console, and each training's progress, shown there and appended to the run's
 * {@code events.jsonl}.
 *
 * @param out      the console
 * @param terminal whether the console is a terminal (progress lines then rewrite themselves)
 */
record RunConsole(PrintStream out, boolean terminal) {

    /** Every tenth batch on the console; every epoch in {@code events.jsonl}, labelled with the training's name. */
    ProgressListener progress(Path directory, String training) {
        return new EventLog(directory.resolve(RunStore.EVENTS), training, new ConsoleProgress(out, "   ", terminal, 10));
    }
}
