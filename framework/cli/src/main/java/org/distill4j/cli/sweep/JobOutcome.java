package org.distill4j.cli.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * How one sweep job ended.
 *
 * @param job      the job
 * @param status   done, failed or skipped
 * @param duration how long it ran (zero when skipped)
 * @param reason   why it failed or was skipped; empty when done
 */
public record JobOutcome(SweepJob job, JobStatus status, Duration duration, String reason) {

    public JobOutcome {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(reason, "reason");
    }
}
