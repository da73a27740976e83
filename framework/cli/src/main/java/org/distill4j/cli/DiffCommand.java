package org.distill4j.cli;

import org.distill4j.cli.sweep.RunRecordsDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Shows what differs between the records of two runs: identity, provenance and metrics. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two run directories: what differs in resolved.json (the experiment's identity),"
                + " provenance.json and metrics.json, as 'path: A -> B', grouped by file. The run times, which always"
                + " differ, are listed in a group of their own.",
                "Exit status: 0 whether or not the runs differ, 1 when a directory is not a run."})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN-A", description = "a run directory (results/<experiment>/<hash12>/seed-<n>)")
    private Path first;

    @Parameters(index = "1", paramLabel = "RUN-B", description = "another run directory")
    private Path second;

    @Override
    public Integer call() {
        new RunRecordsDiff(System.out).compare(first, second);
        return 0;
    }
}
