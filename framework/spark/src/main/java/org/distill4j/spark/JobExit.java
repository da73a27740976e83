package org.distill4j.spark;

/**
 * What a sweep job's exit status means for its Spark task: a final outcome to report, or a crash to retry.
 *
 * @param status the job JVM's exit status
 */
public record JobExit(int status) {

    /** The run is DONE. */
    public static final int DONE = 0;
    /** The run failed (divergence, an unreadable file): running it again fails the same way. */
    public static final int RUN_FAILED = 1;
    /** The descriptor is invalid. */
    public static final int INVALID = 2;

    public static JobExit of(int status) {
        return new JobExit(status);
    }

    /** Whether the status is a final outcome rather than a crash worth a retry. */
    public boolean isFinal() {
        return status == DONE || status == RUN_FAILED || status == INVALID;
    }

    /**
     * The status, when final.
     *
     * @throws JobCrashed otherwise, so that Spark retries the task
     */
    public int outcome(String label, String executor) {
        if (isFinal()) {
            return status;
        }
        throw new JobCrashed(label + ": its JVM ended with exit status " + status + describe() + " on executor "
                + executor + "; Spark retries the task and the retry resumes from the run's last checkpoint");
    }

    private String describe() {
        if (status == 137) {
            return " (SIGKILL, most often the kernel's out-of-memory killer)";
        }
        if (status == 134) {
            return " (SIGABRT, a native crash: an hs_err file says more)";
        }
        if (status > 128) {
            return " (signal " + (status - 128) + ")";
        }
        return "";
    }

    /** A job that crashed rather than failed: its task is retried. */
    public static final class JobCrashed extends RuntimeException {
        public JobCrashed(String message) {
            super(message);
        }
    }
}
