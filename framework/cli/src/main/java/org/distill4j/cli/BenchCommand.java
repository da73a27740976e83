package org.distill4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.cli.bench.Benchmark;
import org.distill4j.cli.bench.BenchmarkReport;
import org.distill4j.cli.bench.BenchmarkSettings;
import org.distill4j.cli.bench.BestOfRounds;
import org.distill4j.cli.bench.Comparison;
import org.distill4j.cli.bench.MemoryWorkload;
import org.distill4j.cli.bench.PytorchTwin;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.run.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Runs the speed benchmark (not a test: it prints its figures and asserts nothing about them). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Speed of the engine: ms per step of the reference workloads (teacher forward, student"
                + " cross-entropy step, KD step with its phases; batch 64 of 28x28x1), training and inference images/s"
                + " of the model families, peak resident memory, optionally memory growth over many KD steps, and"
                + " with --against-pytorch the same workloads in PyTorch side by side."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--warmup", defaultValue = "10",
            description = "untimed steps before each reference workload (default ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "3",
            description = "warm-up of every workload lasts at least this long too, so the JIT compiler is done before"
                    + " the timing starts; the PyTorch twin follows the same rule (default ${DEFAULT-VALUE})")
    private double warmupSeconds;

    @Option(names = "--steps", defaultValue = "100",
            description = "timed steps of each reference workload; the median is reported (default ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--no-reference", description = "skip the reference workloads")
    private boolean noReference;

    @Option(names = "--batch", defaultValue = "" + BenchmarkSettings.DEFAULT_BATCH,
            description = "batch size of the model families (default ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--family-warmup", defaultValue = "2",
            description = "untimed steps before each family's training and inference (default ${DEFAULT-VALUE})")
    private int familyWarmup;

    @Option(names = "--family-steps", defaultValue = "20",
            description = "timed steps of each family's training and inference (default ${DEFAULT-VALUE})")
    private int familySteps;

    @Option(names = "--families", split = ",", defaultValue = "mlp,vgg-cnn,wrn-16-1,wrn-16-2,resnet-20,vgg-16/4",
            description = "model families to measure, or none (default ${DEFAULT-VALUE})")
    private List<String> families;

    @Option(names = "--inputs", split = ",", defaultValue = "28x28x1,32x32x3",
            description = "input shapes of the families (default ${DEFAULT-VALUE})")
    private List<String> inputs;

    @Option(names = "--memory-steps", defaultValue = "0",
            description = "run the KD step this many times and report resident memory at checkpoints and whether it"
                    + " still grows, e.g. 1000 (default ${DEFAULT-VALUE}: skipped)")
    private int memorySteps;

    @Option(names = "--memory-workload", defaultValue = "kd-step",
            description = "what the memory check repeats: kd-step, student-cross-entropy-step or teacher-forward"
                    + " (default ${DEFAULT-VALUE}); the other two tell which part of a KD step holds on to memory")
    private String memoryWorkload;

    @Option(names = "--rounds", defaultValue = "1",
            description = "measure everything this many times (with --against-pytorch: Distill4J and PyTorch"
                    + " alternating) and report each figure's best round, for a shared machine whose neighbours come"
                    + " and go (default ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--json", description = "also write the figures to this JSON file (the PyTorch twin's keys)")
    private Path json;

    @Option(names = "--against-pytorch",
            description = "then run the same workloads in PyTorch (scripts/bench-pytorch.py, same thread count) and"
                    + " print both side by side with issue 18's targets")
    private boolean againstPytorch;

    @Option(names = "--python", defaultValue = "${env:DISTILL4J_PYTHON:-python3}",
            description = "the Python with torch for --against-pytorch (default ${DEFAULT-VALUE}, from"
                    + " DISTILL4J_PYTHON)")
    private String python;

    @Option(names = "--pytorch-script", defaultValue = "${env:DISTILL4J_BENCH_PYTORCH:-scripts/bench-pytorch.py}",
            description = "the PyTorch twin (default ${DEFAULT-VALUE}, from DISTILL4J_BENCH_PYTORCH)")
    private Path pytorchScript;

    @Option(names = "--pytorch-json", description = "where the PyTorch twin writes its figures (default: a temporary"
            + " file)")
    private Path pytorchJson;

    @Override
    public Integer call() throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.of(!noReference, warmup, steps, families, inputs, batch,
                familyWarmup, familySteps, memorySteps, warmupSeconds)
                .withMemoryWorkload(MemoryWorkload.parse(memoryWorkload));
        if (rounds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rounds must be >= 1, got " + rounds);
        }
        List<JsonNode> reports = new ArrayList<>();
        List<JsonNode> twinReports = new ArrayList<>();
        PytorchTwin.Outcome twin = null;
        Path twinJson = againstPytorch && pytorchJson == null
                ? Files.createTempFile("distill4j-bench-pytorch", ".json") : pytorchJson;
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                System.out.printf(Locale.ROOT, "%nround %d of %d%n", round, rounds);
            }
            BenchmarkReport report = new Benchmark(settings, System.out).run();
            reports.add(report.toJson());
            if (!againstPytorch) {
                continue;
            }
            System.out.println();
            twin = new PytorchTwin(python, pytorchScript).run(settings, report.threads(), twinJson, System.out);
            if (!twin.ran()) {
                break;
            }
            twinReports.add(twin.report());
        }
        JsonNode distill4j = BestOfRounds.best(reports);
        if (json != null) {
            write(json, Json.pretty(distill4j));
            System.out.println("wrote " + json);
        }
        if (!againstPytorch) {
            return 0;
        }
        System.out.println();
        if (!twin.ran()) {
            System.out.println("PyTorch column empty: " + twin.problem());
        }
        if (reports.size() > 1) {
            System.out.printf(Locale.ROOT, "each figure: its best of %d rounds, Distill4J and PyTorch alternating%n",
                    reports.size());
        }
        JsonNode pytorch = twinReports.isEmpty() ? null : BestOfRounds.best(twinReports);
        if (pytorch != null && pytorchJson != null) {
            write(pytorchJson, Json.pretty(pytorch));
        }
        Comparison.of(distill4j, pytorch).print(System.out);
        if (pytorchJson == null) {
            Files.deleteIfExists(twinJson);
        }
        // A machine without Python or torch still gets its Distill4J figures; a twin that crashed is a failure.
        return twin.status() == PytorchTwin.Status.FAILED ? 1 : 0;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + FileErrors.describe(e), e);
        }
    }
}
