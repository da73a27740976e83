package org.distill4j.cli;

import org.distill4j.cli.sweep.JavaCommand;
import org.distill4j.kernel.run.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed by SIGKILL in the middle of its training (a child JVM, destroyed forcibly) goes on from its last
 * epoch when it is run again, and writes a metrics.json byte for byte like a run that was never killed.
 */
class CrashResumeTest {

    private static final String DESCRIPTOR = """
            experiment: test/crash
            seeds: [3]
            dataset: {name: synthetic, params: {train-size: 600, test-size: 100}}
            student:
              model: {family: mlp, params: {hidden: [64], dropout: 0.2}}
            distiller: {name: cross-entropy}
            training:
              epochs: 12
              batch-size: 32
              optimizer: {name: sgd, params: {learning-rate: 0.02, momentum: 0.9, weight-decay: 0.0005}}
              schedule: {name: cosine, params: {step: iteration}}
              augmentation: {horizontal-flip: true}
            """;

    @Test
    void aRunKilledMidTrainingResumesFromItsLastEpochAndEndsByteForByteAsAnUninterruptedOne(@TempDir Path directory)
            throws Exception {
        Path descriptor = directory.resolve("crash.yaml");
        Files.writeString(descriptor, DESCRIPTOR);
        Path uninterrupted = directory.resolve("uninterrupted");
        Path killed = directory.resolve("killed");
        CommandOutput reference = CommandOutput.run("run", descriptor.toString(), "--results", uninterrupted.toString());
        assertThat(reference.exitCode()).as(reference.all()).isZero();

        killAfterEpoch(2, descriptor, killed);
        Path run = runDirectory(killed);
        assertThat(run.resolve(RunStore.DONE)).doesNotExist();
        assertThat(run.resolve(RunStore.CHECKPOINTS).resolve("train.checkpoint")).exists();
        CommandOutput resumed = CommandOutput.run("run", descriptor.toString(), "--results", killed.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.text()).containsPattern("train: resuming from the checkpoint after epoch \\d+");
        assertThat(Files.readString(run.resolve(RunStore.METRICS)))
                .isEqualTo(Files.readString(runDirectory(uninterrupted).resolve(RunStore.METRICS)));
        assertThat(run.resolve(RunStore.CHECKPOINTS)).doesNotExist();
    }

    @Test
    void aRunKilledAfterItsEarlierStageResumesItsMainTrainingWithoutTrainingTheStageAgain(@TempDir Path directory)
            throws Exception {
        Path descriptor = directory.resolve("staged.yaml");
        Files.writeString(descriptor, DESCRIPTOR.replace("test/crash", "test/staged") + """
                stages:
                  - name: warm-up
                    distiller: {name: cross-entropy}
                    training: {epochs: 3, batch-size: 64, optimizer: {name: sgd, params: {learning-rate: 0.01}}}
                """);
        Path uninterrupted = directory.resolve("uninterrupted");
        Path killed = directory.resolve("killed");
        CommandOutput reference = CommandOutput.run("run", descriptor.toString(), "--results", uninterrupted.toString());
        assertThat(reference.exitCode()).as(reference.all()).isZero();

        killAfterEpoch(List.of(" epoch 2/12 loss "), descriptor, killed);
        CommandOutput resumed = CommandOutput.run("run", descriptor.toString(), "--results", killed.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.text()).contains("warm-up: resuming from the checkpoint after epoch 3")
                .containsPattern("train: resuming from the checkpoint after epoch \\d+")
                .doesNotContain(" epoch 1/3 loss ");
        assertThat(Files.readString(runDirectory(killed).resolve(RunStore.METRICS)))
                .isEqualTo(Files.readString(runDirectory(uninterrupted).resolve(RunStore.METRICS)));
    }

    @Test
    void aPruningRunKilledInARetrainingRoundResumesThatRoundFromItsCheckpoint(@TempDir Path directory)
            throws Exception {
        String data = "dataset: {name: synthetic, params: {train-size: 800, test-size: 100, height: 8, width: 8,"
                + " classes: 4}}\n";
        Files.writeString(directory.resolve("teacher.yaml"), """
                experiment: test/pruned-teacher
                seeds: [1]
                %sstudent:
                  model: {family: vgg, params: {layers: ["8", M, "12", M]}}
                distiller: {name: cross-entropy}
                training: {epochs: 2, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.05}}}
                """.formatted(data));
        Path descriptor = directory.resolve("pruned.yaml");
        Files.writeString(descriptor, """
                experiment: test/pruned
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: magnitude, params: {rounds: 2}}
                distiller: {name: cross-entropy}
                training: {epochs: 8, batch-size: 16, optimizer: {name: sgd, params: {learning-rate: 0.02,
                  momentum: 0.9}}}
                """.formatted(data));
        Path uninterrupted = directory.resolve("uninterrupted");
        Path killed = directory.resolve("killed");
        CommandOutput reference = CommandOutput.run("run", descriptor.toString(), "--results", uninterrupted.toString());
        assertThat(reference.exitCode()).as(reference.all()).isZero();

        // Round 1 reports its sparsity, then retrains: killed in the middle of that retraining.
        killAfterEpoch(List.of("magnitude round 1: sparsity", " epoch 2/8 loss "), descriptor, killed);
        CommandOutput resumed = CommandOutput.run("run", descriptor.toString(), "--results", killed.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.text()).containsPattern("prune-round-1: resuming from the checkpoint after epoch \\d+");
        try (Stream<Path> paths = Files.walk(killed.resolve("test/pruned"))) {
            Path run = paths.filter(path -> path.getFileName().toString().equals("seed-1")).findFirst().orElseThrow();
            try (Stream<Path> reference1 = Files.walk(uninterrupted.resolve("test/pruned"))) {
                Path expected = reference1.filter(path -> path.getFileName().toString().equals("seed-1"))
                        .findFirst().orElseThrow();
                assertThat(Files.readString(run.resolve(RunStore.METRICS)))
                        .isEqualTo(Files.readString(expected.resolve(RunStore.METRICS)));
            }
        }
    }

    private static void killAfterEpoch(int epoch, Path descriptor, Path results) throws IOException,
            InterruptedException {
        killAfterEpoch(List.of(" epoch " + epoch + "/12 loss "), descriptor, results);
    }

    /** Runs the descriptor in a child JVM and kills it (SIGKILL) once it has printed the given lines, in order. */
    private static void killAfterEpoch(List<String> lines, Path descriptor, Path results) throws IOException,
            InterruptedException {
        // The child JVM gets this JVM's own arguments (DL4J's helper switch among them: another convolution
        // implementation would round differently) and its class path.
        List<String> command = JavaCommand.current().command(Main.class.getName(), List.of("run",
                descriptor.toString(), "--results", results.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            int seen = 0;
            while ((line = output.readLine()) != null) {
                if (line.contains(lines.get(seen)) && ++seen == lines.size()) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Path runDirectory(Path results) throws IOException {
        try (Stream<Path> paths = Files.walk(results)) {
            return paths.filter(path -> path.getFileName().toString().equals("seed-3")).findFirst().orElseThrow();
        }
    }
}
