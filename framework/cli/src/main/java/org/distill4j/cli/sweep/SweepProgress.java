package org.distill4j.cli.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The sweep's progress on stdout: a line when a job starts and one when it ends, each end line with the sweep's
 * elapsed time, how many jobs run and an estimate of the time left (the mean job time so far, times the jobs left,
 * divided by the jobs that run at once: rough, since students and teachers differ).
 */
public final class SweepProgress {

    private static final int TAIL_LINES = 25;

    private final PrintStream out;
    private final InstantSource clock;
    private final SweepLayout layout;
    private final JobCommandLine commandLine;
    private final String placement;
    private Instant started;
    private int total;
    private int parallelJobs;
    private int finished;
    private Duration finishedTime = Duration.ZERO;
    private int timed;
    private int failed;

    public SweepProgress(PrintStream out, InstantSource clock, SweepLayout layout, JobCommandLine commandLine) {
        this(out, clock, layout, commandLine, JobCommandLine.THREADS_VARIABLE + "=" + JobCommandLine.THREADS + " each");
    }

    /**
     * @param placement where and how the jobs run, for the first line: {@code OMP_NUM_THREADS=1 each}, or the Spark
     *                  master and the task's cores
     */
    public SweepProgress(PrintStream out, InstantSource clock, SweepLayout layout, JobCommandLine commandLine,
                         String placement) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
    }

    public Instant now() {
        return clock.instant();
    }

    void sweepStarted(SweepPlan plan, int parallelJobs) {
        this.started = clock.instant();
        this.total = plan.jobs().size();
        this.parallelJobs = parallelJobs;
        out.println("sweep: " + total + " run" + (total == 1 ? "" : "s") + " to make"
                + (plan.alreadyDone().isEmpty() ? "" : " (" + plan.alreadyDone().size() + " already DONE)") + ", "
                + parallelJobs + " at a time, " + placement + "; logs beside each run as seed-<n>.log");
        out.flush();
    }

    void jobStarted(int number, SweepJob job, int running) {
        out.println(prefix(number) + " start " + job.run().label() + variant(job)
                + (layout.resumes(job.run()) ? ", resuming from its checkpoints" : "") + "  (running " + running
                + ", log " + layout.shown(layout.logFile(job.run())) + ")");
        out.flush();
    }

    void jobEnded(int number, JobOutcome outcome, int running, int left) {
        finished++;
        if (outcome.status() != JobStatus.SKIPPED) {
            finishedTime = finishedTime.plus(outcome.duration());
            timed++;
        }
        if (outcome.status() == JobStatus.FAILED) {
            failed++;
        }
        SweepJob job = outcome.job();
        String status = switch (outcome.status()) {
            case DONE -> "done " + job.run().label() + " in " + DurationText.of(outcome.duration()) + accuracy(job);
            case FAILED -> "FAILED " + job.run().label() + " after " + DurationText.of(outcome.duration()) + ": "
                    + outcome.reason();
            case SKIPPED -> "skipped " + job.run().label() + ": " + outcome.reason();
        };
        out.println(prefix(number) + " " + status + "  | " + finished + "/" + total + " finished"
                + (failed == 0 ? "" : " (" + failed + " failed)") + ", " + running
                + " running, elapsed " + DurationText.of(Duration.between(started, clock.instant())) + ", "
                + estimate(running + left));
        if (outcome.status() == JobStatus.FAILED) {
            List<String> tail = LogTail.of(layout.logFile(job.run()), TAIL_LINES);
            out.println("    last " + tail.size() + " lines of " + layout.shown(layout.logFile(job.run())) + ":");
            tail.forEach(line -> out.println("    | " + line));
            out.println("    to reproduce: " + commandLine.shellCommand(job));
        }
        out.flush();
    }

    void sweepEnded(SweepOutcome outcome) {
        out.println("sweep finished in " + DurationText.of(outcome.elapsed()) + ": " + outcome.count(JobStatus.DONE)
                + " done, " + outcome.count(JobStatus.FAILED) + " failed, " + outcome.count(JobStatus.SKIPPED)
                + " skipped");
        for (JobOutcome job : outcome.jobs()) {
            if (job.status() != JobStatus.DONE) {
                out.println("  " + job.status().name().toLowerCase(Locale.ROOT) + ": " + job.job().run().label()
                        + variant(job.job()) + " (" + job.reason() + "; log " + layout.shown(layout.logFile(job.job().run()))
                        + ")");
            }
        }
        if (!outcome.succeeded()) {
            out.println("run the same sweep again to retry: finished runs are kept, the others are redone");
        }
        out.flush();
    }

    private String prefix(int number) {
        return "[" + number + "/" + total + "]";
    }

    private String accuracy(SweepJob job) {
        return layout.headline(job.run()).map(headline -> ", " + headline).orElse("");
    }

    private String estimate(int jobsLeft) {
        if (jobsLeft == 0) {
            return "nothing left";
        }
        if (timed == 0) {
            return jobsLeft + " left, ETA unknown";
        }
        Duration mean = finishedTime.dividedBy(timed);
        return jobsLeft + " left, ETA ~" + DurationText.of(mean.multipliedBy(jobsLeft).dividedBy(parallelJobs));
    }

    private static String variant(SweepJob job) {
        return job.variant().overrides().isEmpty() ? "" : " " + job.variant().overrides();
    }
}
