package org.distill4j.cli.sweep;

import java.time.Duration;
import java.util.List;

/**
 * How a sweep ended.
 *
 * @param jobs    every planned job's outcome, in the order they ended
 * @param elapsed the sweep's wall-clock time
 */
public record SweepOutcome(List<JobOutcome> jobs, Duration elapsed) {

    public SweepOutcome {
        jobs = List.copyOf(jobs);
    }

    public long count(JobStatus status) {
        return jobs.stream().filter(outcome -> outcome.status() == status).count();
    }

    /** Whether every job's run is DONE. */
    public boolean succeeded() {
        return count(JobStatus.DONE) == jobs.size();
    }
}
