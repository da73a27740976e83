package org.distill4j.cli;

import jakarta.inject.Inject;
import org.distill4j.api.Problem;
import org.distill4j.cli.spark.SparkSettings;
import org.distill4j.cli.spark.SparkSweep;
import org.distill4j.cli.sweep.JavaCommand;
import org.distill4j.cli.sweep.JobCommandLine;
import org.distill4j.cli.sweep.JobLauncher;
import org.distill4j.cli.sweep.JobMemory;
import org.distill4j.cli.sweep.PlanPrinter;
import org.distill4j.cli.sweep.ProcessJobLauncher;
import org.distill4j.cli.sweep.ResolvedVariant;
import org.distill4j.cli.sweep.RunStates;
import org.distill4j.cli.sweep.SweepExecution;
import org.distill4j.cli.sweep.SweepLayout;
import org.distill4j.cli.sweep.SweepOutcome;
import org.distill4j.cli.sweep.SweepPlan;
import org.distill4j.cli.sweep.SweepPlanner;
import org.distill4j.cli.sweep.SweepProgress;
import org.distill4j.cli.sweep.Variant;
import org.distill4j.cli.sweep.VariantSource;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ParseResult;
import org.distill4j.kernel.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs many experiments, several at a time: every (variant, seed) whose run is not DONE, each in its own JVM with one
 * OpenMP thread, teachers first. An interrupted sweep resumes where it stopped when it is run again. With
 * {@code --engine spark} the same plan runs on Apache Spark ({@link SparkSweep}).
 *
 * <p>Arguments are descriptor files and folders of them; {@link VariantSource}s given to the constructor can claim
 * other arguments (a table spec stands for its rows' variants).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every (descriptor, seed) that is not DONE yet, several at a time, each in its own JVM"
                + " with OMP_NUM_THREADS=1; teachers first and once. Each job's output goes to"
                + " <results>/<experiment>/<hash12>/seed-<n>.log. Run the same sweep again to resume or retry.",
                "With --engine spark --master URL, each run is instead a task of a Spark application, its JVM started"
                        + " on an executor (README, Running on a cluster).",
                "Exit status: 0 when every run is DONE, 1 when a job failed, 2 when a descriptor is invalid."})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTOR", description = "descriptor files or folders of them")
    private List<Path> arguments;

    @Option(names = "--profile", description = "apply this profile of every descriptor (e.g. quick, full)")
    private String profile;

    @Option(names = "--jobs", paramLabel = "N",
            description = "runs at once (default: the number of cores here; with --engine spark, the cluster's task"
                    + " slots when the driver starts)")
    private Integer jobs;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local: each run a JVM on this machine (default); spark: each run a task of a Spark"
                    + " application at --master, its JVM started on an executor")
    private String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --engine spark: local[N], spark://host:port, yarn or k8s://https://host:port")
    private String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "with --engine spark: a Spark setting for spark-submit --conf; repeatable")
    private List<String> sparkConf = List.of();

    @Option(names = "--task-cpus", paramLabel = "N", defaultValue = "1",
            description = "with --engine spark: cores per run (spark.task.cpus), also its OpenMP threads (default 1)")
    private int taskCpus;

    @Option(names = "--task-gpus", paramLabel = "N", defaultValue = "0",
            description = "with --engine spark: GPUs per run (spark.task.resource.gpu.amount; default 0); each run"
                    + " sees its GPUs as CUDA_VISIBLE_DEVICES")
    private double taskGpus;

    @Option(names = "--results", defaultValue = "results", converter = ResultsFolder.class, description = "results folder (default ${DEFAULT-VALUE})")
    private Path results;

    @Option(names = "--seeds", split = ",", description = "run only these of the descriptors' seeds")
    private List<Long> seeds;

    @Option(names = "--override", paramLabel = "PATH=VALUE",
            description = "set a value after the profile in every descriptor, e.g. training.epochs=5; repeatable")
    private List<String> overrides = List.of();

    @Option(names = "--shared-results", paramLabel = "URI",
            description = "with --engine spark: keep the runs in this Hadoop store (hdfs://..., s3a://...) when the"
                    + " executors share no folder with this machine; --results then holds a copy of their records")
    private String sharedResults;

    @Option(names = "--dry-run", description = "print the plan (what would run, in which order) and run nothing")
    private boolean dryRun;

    @Inject
    private DescriptorParser parser;

    private final List<VariantSource> variantSources;
    private final Function<JobCommandLine, JobLauncher> launchers;

    /** A sweep over descriptor files and folders, and table specs (which stand for their cells' variants). */
    public SweepCommand() {
        this(List.of(new TableSpecVariants()));
    }

    /**
     * A sweep that also accepts the arguments the given sources claim (e.g. table specs), asked in order before an
     * argument is taken as a descriptor file or folder.
     */
    public SweepCommand(List<VariantSource> variantSources) {
        this(variantSources, null);
    }

    /**
     * A sweep whose jobs are started by the given launchers (tests run them in-process); null for child JVMs, each
     * with its share of the machine's memory.
     */
    SweepCommand(List<VariantSource> variantSources, Function<JobCommandLine, JobLauncher> launchers) {
        this.variantSources = List.copyOf(variantSources);
        this.launchers = launchers;
    }

    @Override
    public Integer call() {
        if (jobs != null && jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        Optional<SparkSettings> spark = sparkSettings();
        List<DescriptorOverride> sweepOverrides = overrides.stream().map(DescriptorOverride::parse).toList();
        List<Variant> variants = variants().stream().map(variant -> variant.withOverrides(sweepOverrides)).toList();
        Optional<List<ResolvedVariant>> resolved = resolve(variants);
        if (resolved.isEmpty()) {
            System.out.println("nothing was run: fix the descriptors above (distill4j validate checks them)");
            return 2;
        }
        Optional<String> seedProblem = SeedSelection.problem(seeds,
                resolved.get().stream().map(ResolvedVariant::experiment).toList());
        if (seedProblem.isPresent()) {
            System.out.println(seedProblem.get());
            System.out.println("nothing was run");
            return 2;
        }
        RunStore store = new RunStore(results);
        SweepLayout layout = new SweepLayout(store);
        JobCommandLine commandLine = new JobCommandLine(Optional.ofNullable(profile), store.root());
        Supplier<SweepPlan> planning = () -> new SweepPlanner(RunStates.of(store))
                .plan(resolved.get(), seed -> seeds == null || seeds.contains(seed));
        if (spark.isPresent()) {
            return new SparkSweep(spark.get(), Optional.ofNullable(jobs), System.out)
                    .run(planning, layout, commandLine, dryRun);
        }
        SweepPlan plan = planning.get();
        if (dryRun) {
            new PlanPrinter(System.out, layout, commandLine).print(plan, jobs == null ? cores() : jobs);
            return 0;
        }
        if (plan.isEmpty()) {
            PlanPrinter.nothingToDo(System.out, plan, layout);
            return 0;
        }
        int parallelJobs = jobs == null ? cores() : jobs;
        SweepProgress progress = new SweepProgress(System.out, InstantSource.system(), layout, commandLine);
        SweepOutcome outcome = new SweepExecution(launcher(commandLine, parallelJobs), parallelJobs, layout, progress)
                .run(plan);
        return outcome.succeeded() ? 0 : 1;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private Optional<SparkSettings> sparkSettings() {
        switch (engine) {
            case "local" -> {
                Optional<String> sparkOnly = master != null ? Optional.of("--master")
                        : !sparkConf.isEmpty() ? Optional.of("--spark-conf")
                        : sharedResults != null ? Optional.of("--shared-results")
                        : taskCpus != 1 ? Optional.of("--task-cpus")
                        : taskGpus != 0 ? Optional.of("--task-gpus") : Optional.empty();
                if (sparkOnly.isPresent()) {
                    throw new IllegalArgumentException(sparkOnly.get() + " needs --engine spark");
                }
                return Optional.empty();
            }
            case "spark" -> {
                if (master == null) {
                    throw new IllegalArgumentException("--engine spark needs --master: local[N] on this machine,"
                            + " spark://host:port (standalone), yarn or k8s://https://host:port");
                }
                return Optional.of(new SparkSettings(master, taskCpus, taskGpus, SparkSettings.parseConf(sparkConf),
                        Optional.ofNullable(sharedResults)));
            }
            default -> throw new IllegalArgumentException("unknown --engine '" + engine + "': local or spark");
        }
    }

    private JobLauncher launcher(JobCommandLine commandLine, int jobs) {
        if (launchers != null) {
            return launchers.apply(commandLine);
        }
        long machine = JobMemory.machineBytes();
        JobMemory memory = JobMemory.forJobs(jobs, machine);
        System.out.printf(Locale.ROOT, "each of %d parallel jobs gets %.1f GB of this machine's %.1f GB: heap %.1f GB,"
                + " native arrays %.1f GB%n", jobs, memory.physicalBytes() / 1e9, machine / 1e9,
                memory.heapBytes() / 1e9, memory.nativeBytes() / 1e9);
        return new ProcessJobLauncher(JavaCommand.current().with(memory.jvmArguments()), commandLine);
    }

    private List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (Path argument : arguments) {
            Optional<List<Variant>> claimed = variantSources.stream().map(source -> source.variants(argument))
                    .flatMap(Optional::stream).findFirst();
            if (claimed.isPresent()) {
                variants.addAll(claimed.get());
            } else {
                Descriptors.expand(List.of(argument)).forEach(file -> variants.add(Variant.of(file)));
            }
        }
        return List.copyOf(variants);
    }

    // Every descriptor is checked before anything runs, so a typo in the last one does not surface hours later.
    private Optional<List<ResolvedVariant>> resolve(List<Variant> variants) {
        List<ResolvedVariant> resolved = new ArrayList<>();
        boolean invalid = false;
        for (Variant variant : variants) {
            ParseResult result = parser.parse(variant.descriptor(), Optional.ofNullable(profile), variant.overrides());
            if (result.isValid()) {
                resolved.add(new ResolvedVariant(variant, result.experiment().orElseThrow()));
            } else {
                invalid = true;
                System.out.println("INVALID " + variant + ":");
                for (Problem problem : result.problems()) {
                    System.out.println("  - " + problem);
                }
            }
        }
        return invalid ? Optional.empty() : Optional.of(List.copyOf(resolved));
    }
}
