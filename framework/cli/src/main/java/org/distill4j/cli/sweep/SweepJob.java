package org.distill4j.cli.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One run a sweep launches: {@code distill4j run <descriptor> --seeds <seed> [--override ...]} in its own process.
 *
 * @param variant  the descriptor and overrides to run
 * @param run      the run it produces
 * @param teachers runs of this plan that this job's teacher chain needs: they are scheduled earlier, this job starts
 *                 once they are DONE, and is skipped if one of them failed (it would only train that teacher again)
 * @param waitsFor runs of this plan that train a teacher this job also needs without it being planned on its own
 *                 (the first job that needs a teacher trains it through the run store's lock); this job starts after
 *                 them, whatever their outcome, instead of blocking a slot on that lock
 * @param chain    every run this job's run reads, planned or not (its {@link TeacherChain}): a job that runs away from
 *                 the result store (a Spark task on a Hadoop store) copies them in first
 */
public record SweepJob(Variant variant, RunKey run, List<RunKey> teachers, List<RunKey> waitsFor, List<RunKey> chain) {

    public SweepJob {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(run, "run");
        teachers = List.copyOf(teachers);
        waitsFor = List.copyOf(waitsFor);
        chain = List.copyOf(chain);
    }

    /** A job whose chain is its planned teachers. */
    public SweepJob(Variant variant, RunKey run, List<RunKey> teachers, List<RunKey> waitsFor) {
        this(variant, run, teachers, waitsFor, teachers);
    }
}
