package org.distill4j.cli.sweep;

import java.util.List;

/**
 * What a sweep will do.
 *
 * @param jobs        the runs to make, in launch order: every job comes after the jobs it waits for
 * @param alreadyDone the runs asked for that are already DONE and are not run again
 */
public record SweepPlan(List<SweepJob> jobs, List<RunKey> alreadyDone) {

    public SweepPlan {
        jobs = List.copyOf(jobs);
        alreadyDone = List.copyOf(alreadyDone);
    }

    public boolean isEmpty() {
        return jobs.isEmpty();
    }
}
