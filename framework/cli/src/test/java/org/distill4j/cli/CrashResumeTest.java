package org.distill4j.cli;

import org.distill4j.kernel.run.GitState;
import org.distill4j.kernel.run.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

        killAfterEpoch(" epoch 2/12 loss ", descriptor, killed);
        CommandOutput resumed = CommandOutput.run("run", descriptor.toString(), "--results", killed.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.text()).contains("warm-up: resuming from the checkpoint after epoch 3")
                .containsPattern("train: resuming from the checkpoint after epoch \\d+")
                .doesNotContain(" epoch 1/3 loss ");
        assertThat(Files.readString(runDirectory(killed).resolve(RunStore.METRICS)))
                .isEqualTo(Files.readString(runDirectory(uninterrupted).resolve(RunStore.METRICS)));
    }

    private static void killAfterEpoch(int epoch, Path descriptor, Path results) throws IOException,
            InterruptedException {
        killAfterEpoch(" epoch " + epoch + "/12 loss ", descriptor, results);
    }

    /** Runs the descriptor in a child JVM and kills it (SIGKILL) once it has printed the given epoch line. */
    private static void killAfterEpoch(String epochLine, Path descriptor, Path results) throws IOException,
            InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-D" + GitState.DIRECTORY_PROPERTY + "=" + System.getProperty(GitState.DIRECTORY_PROPERTY,
                        System.getProperty("java.io.tmpdir")),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", descriptor.toString(),
                "--results", results.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains(epochLine)) {
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
