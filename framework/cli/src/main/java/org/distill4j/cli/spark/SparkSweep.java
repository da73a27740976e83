package org.distill4j.cli.spark;

import org.distill4j.cli.sweep.JavaCommand;
import org.distill4j.cli.sweep.JobCommandLine;
import org.distill4j.cli.sweep.JobLauncher;
import org.distill4j.cli.sweep.JobMemory;
import org.distill4j.cli.sweep.PlanPrinter;
import org.distill4j.cli.sweep.SweepExecution;
import org.distill4j.cli.sweep.SweepLayout;
import org.distill4j.cli.sweep.SweepOutcome;
import org.distill4j.cli.sweep.SweepPlan;
import org.distill4j.cli.sweep.SweepProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A sweep on Spark: the sweep plans and orders the runs as for local jobs, and Spark places each on an executor.
 * Every job starts with this JVM's arguments; on a local master the jobs share this machine, so each gets its share
 * of the memory. With a shared store behind a Hadoop URI, the driver first copies the records of its finished runs
 * into the results folder, and the plan is made from them.
 */
public final class SparkSweep {

    /** How long the Spark driver may take to start its context (a cluster may first have to grant executors). */
    private static final Duration DRIVER_START = Duration.ofMinutes(5);
    /** How long copying a shared store's finished records may take. */
    private static final Duration PULL = Duration.ofMinutes(30);
    /** libgomp's spin count, which scripts/distill4j sets (issue 18); a job on an executor gets the same. */
    private static final String SPIN_VARIABLE = "GOMP_SPINCOUNT";

    private final SparkSettings settings;
    private final Optional<Integer> jobs;
    private final PrintStream out;

    /**
     * @param jobs runs submitted at once; by default the cluster's task slots as the driver sees them when it starts
     */
    public SparkSweep(SparkSettings settings, Optional<Integer> jobs, PrintStream out) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * @return the sweep's exit status: 0 when every run is DONE (or nothing was to do), 1 when a job failed
     */
    public int run(Supplier<SweepPlan> planning, SweepLayout layout, JobCommandLine commandLine, boolean dryRun) {
        if (settings.sharedResults().isEmpty()) {
            SweepPlan plan = planning.get();
            if (dryRun || plan.isEmpty()) {
                return endsBefore(plan, layout, commandLine, dryRun);
            }
            return withDriver(driver -> execute(driver, plan, layout, commandLine));
        }
        return withDriver(driver -> {
            int pulled = driver.pull(layout.store().root(), PULL);
            out.println("spark: copied the records of " + pulled + " more finished run" + (pulled == 1 ? "" : "s")
                    + " from " + settings.sharedResults().get() + " into " + layout.shown(layout.store().root()));
            SweepPlan plan = planning.get();
            if (dryRun || plan.isEmpty()) {
                return endsBefore(plan, layout, commandLine, dryRun);
            }
            return execute(driver, plan, layout, commandLine);
        });
    }

    private int endsBefore(SweepPlan plan, SweepLayout layout, JobCommandLine commandLine, boolean dryRun) {
        if (dryRun) {
            new PlanPrinter(out, layout, commandLine).print(plan, jobs.orElse(1));
        } else {
            PlanPrinter.nothingToDo(out, plan, layout);
        }
        return 0;
    }

    private int withDriver(ToIntFunction<SparkDriver> sweep) {
        SparkDriverCommand command = SparkDriverCommand.fromEnvironment(System.getenv(), JavaCommand.current().java());
        Path driverLog = Path.of(System.getProperty("java.io.tmpdir"),
                "distill4j-spark-driver-" + ProcessHandle.current().pid() + ".log");
        out.println("spark: starting the driver at " + settings.master() + " (its log: " + driverLog + ")");
        out.flush();
        int status;
        try (SparkDriver driver = SparkDriver.start(command.command(settings, "distill4j sweep"), driverLog, line -> {
            out.println(line);
            out.flush();
        })) {
            status = sweep.applyAsInt(driver);
        }
        // Kept when something failed (the sweep names it then); a sweep that succeeded leaves nothing in /tmp.
        if (status == 0) {
            try {
                Files.deleteIfExists(driverLog);
            } catch (IOException e) {
                out.println("spark: cannot remove the driver's log " + driverLog + ": " + e.getMessage());
            }
        } else {
            out.println("spark: the driver's log is kept: " + driverLog);
        }
        return status;
    }

    private int execute(SparkDriver driver, SweepPlan plan, SweepLayout layout, JobCommandLine commandLine) {
        int slots = driver.slots(DRIVER_START);
        int parallelJobs = jobs.orElse(slots);
        JavaCommand java = JavaCommand.current();
        if (settings.isLocal()) {
            java = java.with(JobMemory.forJobs(parallelJobs, JobMemory.machineBytes()).jvmArguments());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Optional.ofNullable(System.getenv(SPIN_VARIABLE)).ifPresent(spin -> environment.put(SPIN_VARIABLE, spin));
        JobLauncher launcher = new SparkJobLauncher(driver, java, commandLine, Path.of(""), environment,
                settings.master());
        SweepProgress progress = new SweepProgress(out, InstantSource.system(), layout, commandLine,
                "on Spark at " + settings.master() + " (" + slots + " task slots), " + JobCommandLine.THREADS_VARIABLE
                        + "=" + settings.taskCpus() + " each" + settings.sharedResults().map(uri -> ", runs in "
                        + uri).orElse(""));
        SweepOutcome outcome = new SweepExecution(launcher, parallelJobs, layout, progress).run(plan);
        return outcome.succeeded() ? 0 : 1;
    }
}
