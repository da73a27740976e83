package org.distill4j.cli.sweep;

/** How a sweep job ended. */
public enum JobStatus {
    /** Its run is DONE. */
    DONE,
    /** It exited with an error, could not start, or ended without its run being DONE. */
    FAILED,
    /** It was not started because a planned teacher run it needs failed. */
    SKIPPED
}
