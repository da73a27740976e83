package org.distill4j.cli.sweep;

import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs a sweep plan a number of jobs at a time. A job starts once the jobs it waits for have ended, in plan order;
 * a failed job does not stop the others, but a job whose planned teacher run failed is skipped (it would only train
 * that teacher again). Every decision and all output happen on the calling thread; launchers only report exits.
 */
public final class SweepExecution {

    /** The exit status of a process killed by SIGKILL (128 + 9). */
    private static final int KILLED = 137;

    private final JobLauncher launcher;
    private final int parallelJobs;
    private final SweepLayout layout;
    private final SweepProgress progress;

    public SweepExecution(JobLauncher launcher, int parallelJobs, SweepLayout layout, SweepProgress progress) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        if (parallelJobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + parallelJobs);
        }
        this.parallelJobs = parallelJobs;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Runs every job of the plan and returns when all have ended. */
    public SweepOutcome run(SweepPlan plan) {
        Instant sweepStarted = progress.now();
        progress.sweepStarted(plan, parallelJobs);
        Map<RunKey, Integer> numbers = new HashMap<>();
        for (int i = 0; i < plan.jobs().size(); i++) {
            numbers.put(plan.jobs().get(i).run(), i + 1);
        }
        List<SweepJob> pending = new ArrayList<>(plan.jobs());
        Map<RunKey, Instant> running = new LinkedHashMap<>();
        Map<RunKey, JobStatus> ended = new HashMap<>();
        List<JobOutcome> outcomes = new ArrayList<>();
        BlockingQueue<Exit> exits = new LinkedBlockingQueue<>();
        while (!pending.isEmpty() || !running.isEmpty()) {
            for (SweepJob job : List.copyOf(pending)) {
                Optional<RunKey> failedTeacher = job.teachers().stream()
                        .filter(teacher -> ended.containsKey(teacher) && ended.get(teacher) != JobStatus.DONE)
                        .findFirst();
                if (failedTeacher.isPresent()) {
                    pending.remove(job);
                    JobOutcome skipped = new JobOutcome(job, JobStatus.SKIPPED, Duration.ZERO, "its teacher run "
                            + failedTeacher.get().label() + " did not finish");
                    ended.put(job.run(), JobStatus.SKIPPED);
                    outcomes.add(skipped);
                    progress.jobEnded(numbers.get(job.run()), skipped, running.size(), pending.size());
                } else if (running.size() < parallelJobs && ready(job, ended)) {
                    pending.remove(job);
                    running.put(job.run(), progress.now());
                    start(job, exits);
                    progress.jobStarted(numbers.get(job.run()), job, running.size());
                }
            }
            if (running.isEmpty()) {
                if (pending.isEmpty()) {
                    break;
                }
                throw new IllegalStateException("sweep plan out of order: nothing runs, yet " + pending.get(0).run()
                        + " waits for " + pending.get(0).teachers() + " " + pending.get(0).waitsFor());
            }
            Exit exit = take(exits);
            Instant started = running.remove(exit.job().run());
            JobOutcome outcome = outcome(exit, Duration.between(started, progress.now()));
            ended.put(exit.job().run(), outcome.status());
            outcomes.add(outcome);
            progress.jobEnded(numbers.get(exit.job().run()), outcome, running.size(), pending.size());
        }
        SweepOutcome outcome = new SweepOutcome(outcomes, Duration.between(sweepStarted, progress.now()));
        progress.sweepEnded(outcome);
        return outcome;
    }

    private static boolean ready(SweepJob job, Map<RunKey, JobStatus> ended) {
        return ended.keySet().containsAll(job.teachers()) && ended.keySet().containsAll(job.waitsFor());
    }

    private void start(SweepJob job, BlockingQueue<Exit> exits) {
        CompletableFuture<Integer> exit;
        try {
            Path log = layout.logFile(job.run());
            Files.createDirectories(log.getParent());
            exit = launcher.start(job, log);
        } catch (IOException e) {
            exit = CompletableFuture.failedFuture(new UncheckedIOException("cannot create the log folder for "
                    + job.run() + ": " + FileErrors.describe(e), e));
        } catch (RuntimeException e) {
            exit = CompletableFuture.failedFuture(e);
        }
        exit.whenComplete((status, failure) -> exits.add(new Exit(job, status, failure)));
    }

    private JobOutcome outcome(Exit exit, Duration duration) {
        if (exit.failure() != null) {
            Throwable cause = exit.failure() instanceof CompletionException && exit.failure().getCause() != null
                    ? exit.failure().getCause() : exit.failure();
            return new JobOutcome(exit.job(), JobStatus.FAILED, duration, "could not run: " + cause.getMessage());
        }
        if (exit.status() == KILLED) {
            // SIGKILL: nothing in the job reported it; on Linux it is most often the kernel's out-of-memory killer.
            return new JobOutcome(exit.job(), JobStatus.FAILED, duration, "exit status " + exit.status() + ": killed"
                    + " (SIGKILL), most often by the kernel's out-of-memory killer (dmesg says); run fewer --jobs");
        }
        if (exit.status() != 0) {
            return new JobOutcome(exit.job(), JobStatus.FAILED, duration, "exit status " + exit.status());
        }
        if (!layout.isDone(exit.job().run())) {
            // The job parsed its descriptor itself; if the file changed after planning, it ran another identity.
            return new JobOutcome(exit.job(), JobStatus.FAILED, duration, "it exited normally but "
                    + layout.shown(layout.runDirectory(exit.job().run())) + " is not DONE (was the descriptor changed"
                    + " during the sweep?)");
        }
        return new JobOutcome(exit.job(), JobStatus.DONE, duration, "");
    }

    private static Exit take(BlockingQueue<Exit> exits) {
        try {
            return exits.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted; run it again to resume", e);
        }
    }

    /** A job's end, as its launcher reported it: an exit status, or why it could not run. */
    private record Exit(SweepJob job, Integer status, Throwable failure) {
    }
}
