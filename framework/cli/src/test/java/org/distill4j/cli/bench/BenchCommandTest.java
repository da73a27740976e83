package org.distill4j.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.cli.Distill4jCommand;
import org.distill4j.kernel.run.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code distill4j bench} end to end with tiny step counts on one small family: what it prints, the keys and numbers
 * of its JSON, and the comparison with a PyTorch twin, faked here (a script that has no torch), or the real one
 * where {@code DISTILL4J_PYTHON} names a Python with torch. Wall times are never asserted.
 */
class BenchCommandTest {

    private static final String[] TINY = {"bench", "--warmup", "1", "--steps", "2", "--families", "mlp",
            "--inputs", "28x28x1", "--batch", "8", "--family-warmup", "1", "--family-steps", "2",
            "--memory-steps", "2", "--warmup-seconds", "0"};

    @TempDir
    static Path directory;
    private static Output run;
    private static JsonNode report;

    @BeforeAll
    static void runTheBenchmarkOnce() {
        Path json = directory.resolve("bench.json");
        run = Output.of(concat(TINY, "--json", json.toString()));
        assertThat(run.exitCode()).as(run.all()).isZero();
        report = Json.read(json);
    }

    @Test
    void printsTheBackendThreadsEveryWorkloadAndEveryKdPhase() {
        assertThat(run.text()).contains("ND4J backend ", "threads ", "teacher forward", "student cross-entropy step",
                "KD step (KD + AT)", "student forward", "loss graph (value and gradients)", "backward",
                "optimizer update", "rest of the step", "mlp        28x28x1", "peak resident memory (VmHWM): ",
                "after      1 steps: resident ", "after      2 steps: resident ", "verdict: ");
    }

    @Test
    void theJsonHasEveryKeyWithPositiveNumbers() {
        assertThat(report.path("implementation").asText()).isEqualTo("distill4j");
        assertThat(report.path("threads").asInt()).isPositive();
        JsonNode reference = report.path("reference");
        assertThat(reference.path("batch").asInt()).isEqualTo(64);
        for (String key : List.of("teacher-forward-ms", "student-cross-entropy-step-ms", "kd-step-ms")) {
            assertThat(reference.path(key).asDouble()).as(key).isPositive();
        }
        for (String phase : List.of("teacher-forward", "student-forward", "loss", "backward", "update")) {
            assertThat(reference.path("kd-step-phases-ms").path(phase).asDouble()).as(phase).isPositive();
        }
        assertThat(reference.path("kd-step-phases-ms").has("rest")).isTrue();

        assertThat(report.path("families")).hasSize(1);
        JsonNode family = report.path("families").get(0);
        assertThat(family.path("name").asText()).isEqualTo("mlp");
        assertThat(family.path("input").asText()).isEqualTo("28x28x1");
        assertThat(family.path("batch").asInt()).isEqualTo(8);
        // 784*800 + 800 + 800*800 + 800 + 800*10 + 10: the hinton2015 student.
        assertThat(family.path("parameters").asLong()).isEqualTo(1_276_810);
        for (String key : List.of("training-step-ms", "training-images-per-second", "inference-ms",
                "inference-images-per-second")) {
            assertThat(family.path(key).asDouble()).as(key).isPositive();
        }

        JsonNode memory = report.path("memory");
        assertThat(memory.path("steps").asInt()).isEqualTo(2);
        assertThat(memory.path("workload").asText()).isEqualTo("kd-step");
        assertThat(memory.path("verdict").asText()).isIn("flat", "grows", "unknown");
        assertThat(memory.path("checkpoints")).hasSize(2);
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertThat(memory.path("peak-resident-mb").asDouble()).isPositive();
            assertThat(memory.path("checkpoints").get(1).path("resident-mb").asDouble()).isPositive();
        }
    }

    @Test
    void againstATwinWithoutTorchItSaysSoAndPrintsTheDistill4jColumnAlone() throws IOException {
        Path twin = directory.resolve("no-torch.sh");
        Files.writeString(twin, "echo 'bench-pytorch: PyTorch is not installed for this Python' >&2\nexit 3\n");
        Output output = Output.of("bench", "--no-reference", "--families", "mlp", "--inputs", "28x28x1",
                "--batch", "8", "--family-warmup", "0", "--family-steps", "1", "--warmup-seconds", "0", "--against-pytorch",
                "--python", "/bin/sh", "--pytorch-script", twin.toString());

        assertThat(output.exitCode()).as(output.all()).isZero();
        assertThat(output.text()).contains("bench-pytorch: PyTorch is not installed",
                "PyTorch column empty: PyTorch is not installed for /bin/sh",
                "| workload | Distill4J | PyTorch | ratio (x slower) | target |",
                "| mlp 28x28x1 training, img/s (batch 8) | ",
                "targets: 1, none compared (no PyTorch figures)");
    }

    @Test
    void comparisonRatiosSayHowManyTimesSlowerDistill4jIsAndMarkTheTargets() {
        ObjectNode twin = report.deepCopy();
        ObjectNode twinReference = (ObjectNode) twin.path("reference");
        double kd = report.path("reference").path("kd-step-ms").asDouble();
        double teacher = report.path("reference").path("teacher-forward-ms").asDouble();
        twinReference.put("kd-step-ms", kd / 1.5);
        twinReference.put("teacher-forward-ms", teacher / 1.5);
        ObjectNode twinFamily = (ObjectNode) twin.path("families").get(0);
        double training = report.path("families").get(0).path("training-images-per-second").asDouble();
        twinFamily.put("training-images-per-second", training * 3);
        twinFamily.put("parameters", 12);
        ObjectNode distill4j = report.deepCopy();
        ((ObjectNode) distill4j.path("reference").path("kd-step-phases-ms")).put("rest", 0.1);
        ((ObjectNode) twinReference.path("kd-step-phases-ms")).put("rest", 0.004);

        Comparison comparison = Comparison.of(distill4j, twin);

        Comparison.Row kdRow = row(comparison, "KD step (KD + AT), ms (batch 64)");
        assertThat(kdRow.ratio()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(kdRow.mark()).isEqualTo("met");
        assertThat(row(comparison, "teacher forward, ms (batch 64)").mark()).isEqualTo("MISSED");
        Comparison.Row trainingRow = row(comparison, "mlp 28x28x1 training, img/s (batch 8)");
        assertThat(trainingRow.ratio()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(trainingRow.mark()).isEqualTo("MISSED");
        assertThat(row(comparison, "mlp 28x28x1 inference, img/s").mark()).isEmpty();
        assertThat(comparison.notes()).anySatisfy(note -> assertThat(note)
                .contains("architectures differ: mlp 28x28x1 has 1,276,810 parameters in Distill4J and 12 in PyTorch"));
        assertThat(row(comparison, "  KD phase: rest, ms").ratio()).as("a phase under a millisecond").isNull();
    }

    @Test
    void theTwinWritesTheSameKeysWhereTorchIsInstalled() throws IOException, InterruptedException {
        String python = System.getenv("DISTILL4J_PYTHON");
        assumeTrue(python != null && new ProcessBuilder(python, "-c", "import torch").start().waitFor() == 0,
                "DISTILL4J_PYTHON names no Python with torch");
        Path script = Path.of("../../scripts/bench-pytorch.py");
        assumeTrue(Files.isRegularFile(script), "scripts/bench-pytorch.py is not where the test expects it");
        BenchmarkSettings settings = BenchmarkSettings.of(true, 1, 2, List.of("mlp"), List.of("28x28x1"), 8, 1, 2, 4, 0);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PytorchTwin.Outcome outcome = new PytorchTwin(python, script).run(settings, 1,
                directory.resolve("twin.json"), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(outcome.ran()).as(outcome.problem() + "\n" + printed).isTrue();
        assertThat(keys(outcome.report(), "")).isEqualTo(keys(report, ""));
        assertThat(outcome.report().path("families").get(0).path("parameters").asLong())
                .isEqualTo(report.path("families").get(0).path("parameters").asLong());
    }

    @Test
    void aMissingTwinIsUnavailableAndACrashedOneHasFailed() throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.of(true, 1, 1, List.of("none"), List.of("28x28x1"), 8, 1, 1, 0, 0);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PytorchTwin.Outcome missing = new PytorchTwin("/bin/sh", directory.resolve("absent.py"))
                .run(settings, 1, directory.resolve("absent.json"), quiet);
        Path crashing = directory.resolve("crashing.sh");
        Files.writeString(crashing, "exit 1\n");
        PytorchTwin.Outcome crashed = new PytorchTwin("/bin/sh", crashing)
                .run(settings, 1, directory.resolve("crashed.json"), quiet);

        assertThat(missing.status()).isEqualTo(PytorchTwin.Status.UNAVAILABLE);
        assertThat(missing.problem()).contains("absent.py does not exist; give --pytorch-script");
        assertThat(crashed.status()).isEqualTo(PytorchTwin.Status.FAILED);
        assertThat(crashed.problem()).contains("failed with exit status 1");
    }

    @Test
    void memoryCheckpointsAndVerdict() {
        assertThat(MemoryGrowth.checkpoints(1000)).containsExactly(100, 500, 1000);
        assertThat(MemoryGrowth.checkpoints(2500)).containsExactly(100, 500, 1000, 2000, 2500);
        assertThat(MemoryGrowth.checkpoints(4)).containsExactly(2, 4);
        assertThat(MemoryGrowth.checkpoints(1)).containsExactly(1);
        MemoryGrowth.Report growing = MemoryGrowth.verdict("kd-step", 1000, List.of(checkpoint(500, 900), checkpoint(1000, 950)));
        assertThat(growing.verdict()).isEqualTo("grows");
        assertThat(growing.growthMegabytes()).isEqualTo(50);
        assertThat(MemoryGrowth.verdict("kd-step", 1000, List.of(checkpoint(500, 900), checkpoint(1000, 903))).verdict())
                .isEqualTo("flat");
        assertThat(MemoryGrowth.verdict("kd-step", 1, List.of(checkpoint(1, 900))).verdict()).isEqualTo("unknown");
    }

    private static MemoryGrowth.Checkpoint checkpoint(int step, double resident) {
        return new MemoryGrowth.Checkpoint(step, new ResidentMemory(resident, resident, 100, 200));
    }

    private static Comparison.Row row(Comparison comparison, String workload) {
        return comparison.rows().stream().filter(row -> row.workload().equals(workload)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + workload + "' in " + comparison.rows()));
    }

    /** Every field path of a JSON tree (array elements under "[]"), so two reports' shapes can be compared. */
    private static Set<String> keys(JsonNode node, String prefix) {
        Set<String> keys = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                keys.add(prefix + field.getKey());
                keys.addAll(keys(field.getValue(), prefix + field.getKey() + "."));
            });
        } else if (node.isArray()) {
            node.forEach(element -> keys.addAll(keys(element, prefix + "[].")));
        }
        return keys;
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** The CLI run in this JVM, with what it printed. */
    private record Output(int exitCode, String text, String errors) {

        static Output of(String... arguments) {
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            try {
                int exit = Distill4jCommand.commandLine().execute(arguments);
                return new Output(exit, captured.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }

        String all() {
            return "exit " + exitCode + "\n--- stdout\n" + text + "--- stderr\n" + errors;
        }
    }
}
