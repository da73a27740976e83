package org.distill4j.cli.sweep;

import com.google.inject.Injector;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.run.ExperimentRunner;
import org.distill4j.kernel.run.RunStore;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs sweep jobs in this JVM, each on a thread of its own, through the run engine exactly as {@code distill4j run}
 * does, with the job's output in its log: a real sweep without a JVM start per job. It records which runs it
 * started and in which order jobs started and ended, and can play a sweep that is killed part-way.
 */
public final class InProcessLauncher implements JobLauncher {

    /** Exit status of a job killed by SIGKILL. */
    public static final int KILLED = 137;

    private final Injector kernel = Kernel.start();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "in-process-sweep-job");
        thread.setDaemon(true);
        return thread;
    });
    private final List<RunKey> started = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile JobCommandLine commandLine;
    private volatile int jobsBeforeSweepDies = Integer.MAX_VALUE;
    private volatile int jobsBeforeJobsDie = Integer.MAX_VALUE;

    /** What a sweep command takes to make its launcher: this launcher, told the sweep's job command line. */
    public Function<JobCommandLine, JobLauncher> forSweep() {
        return sweepCommandLine -> {
            this.commandLine = Objects.requireNonNull(sweepCommandLine, "sweepCommandLine");
            return this;
        };
    }

    /**
     * Plays a sweep whose JVM is killed (kill -9, a power cut) when it starts job number {@code jobs + 1}: that job
     * leaves what a run killed part-way leaves, and the sweep ends at once with {@link SweepKilled}.
     */
    public InProcessLauncher sweepDiesAfter(int jobs) {
        this.jobsBeforeSweepDies = jobs;
        return this;
    }

    /**
     * Plays jobs killed one by one (the out-of-memory killer) from job number {@code jobs + 1} on: each leaves what a
     * run killed part-way leaves and exits with {@link #KILLED}; the sweep itself goes on.
     */
    public InProcessLauncher jobsDieAfter(int jobs) {
        this.jobsBeforeJobsDie = jobs;
        return this;
    }

    /** The runs started, in order. */
    public List<RunKey> started() {
        return List.copyOf(started);
    }

    /** {@code start <run>} and {@code end <run>} in the order they happened. */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** The most jobs that ran at the same time. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    @Override
    public CompletableFuture<Integer> start(SweepJob job, Path log) {
        Objects.requireNonNull(commandLine, "give the sweep command forSweep(), which tells this launcher its command line");
        int number = started.size() + 1;
        started.add(job.run());
        if (number > jobsBeforeSweepDies) {
            leavePartialRun(job.run());
            throw new SweepKilled(job.run());
        }
        events.add("start " + job.run());
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (number > jobsBeforeJobsDie) {
                    leavePartialRun(job.run());
                    return KILLED;
                }
                return run(job, log);
            } finally {
                running.decrementAndGet();
                events.add("end " + job.run());
            }
        }, threads);
    }

    private int run(SweepJob job, Path log) {
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            out.println("# in-process: " + commandLine.shellCommand(job));
            try {
                ResolvedExperiment experiment = kernel.getInstance(DescriptorParser.class)
                        .parse(job.variant().descriptor(), commandLine.profile(), job.variant().overrides())
                        .orElseThrow();
                new ExperimentRunner(kernel.getInstance(ComponentFactory.class),
                        kernel.getInstance(ComponentRegistry.class), new RunStore(commandLine.results()), out, false)
                        .run(experiment, job.run().seed());
                return 0;
            } catch (RuntimeException e) {
                e.printStackTrace(out);
                return 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + log, e);
        }
    }

    // What a run killed part-way leaves: some epochs of its event log and records half written, but never DONE,
    // which the run engine writes last.
    private void leavePartialRun(RunKey run) {
        Path directory = run.directory(new RunStore(commandLine.results()));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(RunStore.EVENTS), "{\"epoch\": 1, \"train-loss\": 2.3}\n{\"epo");
            Files.writeString(directory.resolve(RunStore.METRICS), "{\"test-accuracy\": 0.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot leave a partial run in " + directory, e);
        }
    }

    /** Thrown out of the sweep, like the death of its JVM: nothing in the sweep may catch it. */
    public static final class SweepKilled extends Error {

        SweepKilled(RunKey run) {
            super("the sweep was killed while starting " + run);
        }
    }
}
