package org.distill4j.cli.sweep;

import java.util.Optional;

/**
 * A sweep's job stops when the sweep that started it ends. The sweep's shutdown hook stops its jobs on Ctrl-C or
 * SIGTERM, but nothing runs on SIGKILL; so each job watches its parent's process and halts when it exits. The run
 * stays without DONE, and the next sweep redoes it.
 */
public final class SweepParent {

    /** The system property that carries the sweep's process id to its jobs. */
    public static final String PROPERTY = "distill4j.sweep.parent";
    /** The exit status of a job stopped because its sweep ended (as for SIGTERM: 128 + 15). */
    static final int STOPPED = 143;

    private SweepParent() {
    }

    /** In a sweep's job, starts watching the sweep; nothing when the process is not a sweep's job. */
    public static void watch() {
        Optional.ofNullable(System.getProperty(PROPERTY)).map(Long::parseLong).ifPresent(pid -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (parent.isEmpty()) {
                stop(pid);
            } else {
                parent.get().onExit().thenRun(() -> stop(pid));
            }
        });
    }

    private static void stop(long pid) {
        System.err.println("distill4j: the process that started this job (process " + pid + ", its sweep or its"
                + " Spark executor) has ended; stopping the job (its run is not DONE and the next sweep redoes it)");
        System.err.flush();
        Runtime.getRuntime().halt(STOPPED);
    }
}
