package org.distill4j.cli.bench;

import org.distill4j.api.network.InputShape;
import org.distill4j.models.backend.LayerHelpers;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The speed benchmark (issues 2 and 18): the reference workloads in milliseconds per step with the KD step broken
 * down by phase, each model family's training and inference throughput, peak resident memory, and optionally
 * whether resident memory still grows after many KD steps. Prints as it goes and returns everything as a
 * {@link BenchmarkReport}. Not a test: it asserts nothing about speed.
 */
public final class Benchmark {

    private static final Map<String, String> PHASE_LABELS = Map.of(
            PhaseRecorder.TEACHER_FORWARD, "teacher forward (infer)",
            PhaseRecorder.STUDENT_FORWARD, "student forward",
            PhaseRecorder.LOSS, "loss graph (value and gradients)",
            PhaseRecorder.BACKWARD, "backward",
            PhaseRecorder.UPDATE, "optimizer update",
            PhaseRecorder.REST, "rest of the step");

    private final BenchmarkSettings settings;
    private final PrintStream out;

    public Benchmark(BenchmarkSettings settings, PrintStream out) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** The number of OpenMP threads ND4J runs with (OMP_NUM_THREADS, or its default: the cores). */
    public static int threads() {
        return Nd4j.getEnvironment().maxThreads();
    }

    public BenchmarkReport run() {
        String backend = LayerHelpers.state().describe();
        out.println("distill4j bench");
        out.println("  " + backend);
        out.printf(Locale.ROOT, "  threads %d (OMP_NUM_THREADS %s), cores %d, Java %s%n", threads(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        ReferenceWorkloads workloads = settings.reference() || settings.memorySteps() > 0
                ? new ReferenceWorkloads() : null;
        ReferenceResults reference = settings.reference() ? reference(workloads) : null;
        List<FamilyResult> families = families();
        MemoryGrowth.Report memory = settings.memorySteps() > 0 ? memory(workloads) : null;
        ResidentMemory finalMemory = ResidentMemory.now();
        out.printf(Locale.ROOT, "peak resident memory (VmHWM): %s%n", megabytes(finalMemory.peakResidentMegabytes()));
        return new BenchmarkReport("distill4j", version(), backend, threads(), reference, families, finalMemory,
                memory);
    }

    private ReferenceResults reference(ReferenceWorkloads workloads) {
        StepTimer timer = settings.referenceTimer();
        out.printf(Locale.ROOT, "reference workloads: batch %d of 28x28x1, median of %d steps after %d warm-up"
                + " steps and %.0f s at least%n", ReferenceWorkloads.BATCH, timer.steps(), timer.warmup(), timer.warmupSeconds());
        ReferenceResults results = workloads.measure(timer);
        line("teacher forward", results.teacherForward().medianMilliseconds());
        line("student cross-entropy step", results.crossEntropyStep().medianMilliseconds());
        line("KD step (KD + AT)", results.kdStep().medianMilliseconds());
        results.kdPhases().forEach((phase, milliseconds) -> line("  " + PHASE_LABELS.get(phase), milliseconds));
        return results;
    }

    private void line(String label, double milliseconds) {
        out.printf(Locale.ROOT, "  %-36s %8.1f ms%n", label, milliseconds);
    }

    private List<FamilyResult> families() {
        List<FamilyResult> results = new ArrayList<>();
        if (settings.families().isEmpty()) {
            return results;
        }
        StepTimer timer = settings.familyTimer();
        out.printf(Locale.ROOT, "model families: batch %d, median of %d steps after %d warm-up steps and %.0f s at"
                + " least (training: cross-entropy step, SGD momentum %.1f, weight decay %.0e; inference: the logits)%n",
                settings.batch(), timer.steps(), timer.warmup(), timer.warmupSeconds(), BenchGraphs.MOMENTUM,
                BenchGraphs.WEIGHT_DECAY);
        out.printf(Locale.ROOT, "  %-10s %-8s %11s %13s %13s%n", "family", "input", "parameters", "train img/s",
                "infer img/s");
        FamilyThroughput throughput = new FamilyThroughput(timer);
        for (FamilyWorkload workload : settings.families()) {
            for (InputShape input : settings.inputs()) {
                FamilyResult result = throughput.measure(workload, input, settings.batch());
                out.printf(Locale.ROOT, "  %-10s %-8s %,11d %13.1f %13.1f%n", result.name(), result.input(),
                        result.parameters(), result.trainingImagesPerSecond(), result.inferenceImagesPerSecond());
                results.add(result);
            }
        }
        return results;
    }

    private MemoryGrowth.Report memory(ReferenceWorkloads workloads) {
        MemoryWorkload workload = settings.memoryWorkload();
        out.printf(Locale.ROOT, "memory check: %d steps of %s (batch %d), resident memory at checkpoints%n",
                settings.memorySteps(), workload.key(), ReferenceWorkloads.BATCH);
        MemoryGrowth.Report report = MemoryGrowth.run(workload.key(), settings.memorySteps(), () -> workloads.run(workload),
                checkpoint ->
                out.printf(Locale.ROOT, "  after %6d steps: resident %s (JVM heap in use %s, ND4J workspaces %s)%n",
                        checkpoint.step(), megabytes(checkpoint.memory().residentMegabytes()),
                        megabytes(checkpoint.memory().heapUsedMegabytes()),
                        megabytes(checkpoint.memory().workspaceMegabytes())));
        out.printf(Locale.ROOT, "  verdict: %s (%s between the last two checkpoints; more than %.0f MB counts as"
                + " growth)%n", report.verdict(), signedMegabytes(report.growthMegabytes()),
                MemoryGrowth.GROWTH_THRESHOLD_MEGABYTES);
        return report;
    }

    private static String megabytes(double value) {
        return Double.isNaN(value) ? "unknown (no /proc/self/status)" : String.format(Locale.ROOT, "%.0f MB", value);
    }

    private static String signedMegabytes(double value) {
        return Double.isNaN(value) ? "unknown" : String.format(Locale.ROOT, "%+.1f MB", value);
    }

    private static String version() {
        String version = Benchmark.class.getPackage().getImplementationVersion();
        return "distill4j " + (version == null ? "development" : version);
    }
}
