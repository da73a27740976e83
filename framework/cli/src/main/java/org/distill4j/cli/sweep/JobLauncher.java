package org.distill4j.cli.sweep;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a sweep job. The sweep's own launcher runs each job as a separate JVM ({@link ProcessJobLauncher}); tests
 * substitute an in-process fake.
 */
@FunctionalInterface
public interface JobLauncher {

    /**
     * Starts the job and returns at once.
     *
     * @param log the file the job's output goes to, overwritten; its parent directory exists
     * @return the job's exit status when it ends, 0 when its run is DONE; completed exceptionally when the job could
     *         not be started
     */
    CompletableFuture<Integer> start(SweepJob job, Path log);
}
