package org.distill4j.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.run.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs {@code scripts/bench-pytorch.py}, the same workloads in PyTorch, with the same settings and thread count, in
 * a child process after the Java benchmark has finished (never beside it: they would share the cores), and reads
 * its JSON report. PyTorch is a comparison, never a dependency: without it the twin says so and exits with
 * {@link #TORCH_MISSING}, and the benchmark goes on with Distill4J's figures alone.
 */
public final class PytorchTwin {

    /** The twin's exit status when {@code import torch} fails. */
    static final int TORCH_MISSING = 3;

    /** Whether the twin ran, could not (no Python, no torch, no script: the machine lacks it), or failed. */
    public enum Status { RAN, UNAVAILABLE, FAILED }

    /** What came back: the twin's report, or why there is none. */
    public record Outcome(Status status, JsonNode report, String problem) {

        static Outcome unavailable(String problem) {
            return new Outcome(Status.UNAVAILABLE, null, problem);
        }

        static Outcome failed(String problem) {
            return new Outcome(Status.FAILED, null, problem);
        }

        public boolean ran() {
            return status == Status.RAN;
        }
    }

    private final String python;
    private final Path script;

    /**
     * @param python the Python interpreter to run the twin with (one with torch installed)
     * @param script {@code scripts/bench-pytorch.py}
     */
    public PytorchTwin(String python, Path script) {
        this.python = Objects.requireNonNull(python, "python");
        this.script = Objects.requireNonNull(script, "script");
    }

    public Outcome run(BenchmarkSettings settings, int threads, Path json, PrintStream out) {
        if (!Files.isRegularFile(script)) {
            return Outcome.unavailable("the PyTorch twin " + script.toAbsolutePath() + " does not exist; give"
                    + " --pytorch-script with the path of scripts/bench-pytorch.py");
        }
        List<String> command = command(settings, threads, json);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The twin's thread count matches the Java side's: OpenMP's and torch.set_num_threads both.
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        int exit;
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(out::println);
            }
            exit = process.waitFor();
        } catch (IOException e) {
            return Outcome.unavailable("cannot start '" + python + "' (" + FileErrors.describe(e) + "); install Python 3 with"
                    + " torch and give it with --python or DISTILL4J_PYTHON");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted while the PyTorch twin ran");
        }
        if (exit == TORCH_MISSING) {
            return Outcome.unavailable("PyTorch is not installed for " + python + " (see the twin's message above)");
        }
        if (exit != 0) {
            return Outcome.failed("the PyTorch twin failed with exit status " + exit + ": "
                    + String.join(" ", command));
        }
        try {
            return new Outcome(Status.RAN, Json.read(json), null);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Outcome.failed("the PyTorch twin wrote no readable report at " + json + ": " + e.getMessage());
        }
    }

    List<String> command(BenchmarkSettings settings, int threads, Path json) {
        List<String> command = new ArrayList<>(List.of(python, script.toString(),
                "--json", json.toString(),
                "--threads", Integer.toString(threads),
                "--warmup", Integer.toString(settings.referenceTimer().warmup()),
                "--steps", Integer.toString(settings.referenceTimer().steps()),
                "--warmup-seconds", Double.toString(settings.referenceTimer().warmupSeconds()),
                "--batch", Integer.toString(settings.batch()),
                "--family-warmup", Integer.toString(settings.familyTimer().warmup()),
                "--family-steps", Integer.toString(settings.familyTimer().steps()),
                "--families", settings.families().isEmpty() ? "none"
                        : settings.families().stream().map(FamilyWorkload::name).collect(Collectors.joining(",")),
                "--inputs", settings.inputs().stream().map(BenchInputs::name).collect(Collectors.joining(",")),
                "--memory-steps", Integer.toString(settings.memorySteps()),
                "--memory-workload", settings.memoryWorkload().key()));
        if (!settings.reference()) {
            command.add("--no-reference");
        }
        return command;
    }
}
