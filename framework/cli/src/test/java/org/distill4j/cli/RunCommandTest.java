package org.distill4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A real (tiny) teacher-and-student experiment through the command line: records, determinism, reuse. */
class RunCommandTest {

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeDescriptors() throws IOException {
        Files.writeString(directory.resolve("teacher.yaml"), """
                experiment: test/teacher
                seeds: [1, 2]
                dataset: {name: synthetic, params: {train-size: 256, test-size: 128}}
                student:
                  model: {family: mlp, params: {hidden: [64]}}
                distiller: {name: cross-entropy}
                training: {epochs: 2, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.02}}}
                """);
        Files.writeString(directory.resolve("kd.yaml"), """
                experiment: test/kd
                seeds: [1, 2]
                dataset: {name: synthetic, params: {train-size: 256, test-size: 128}}
                teacher: {experiment: teacher.yaml}
                student:
                  model: {family: mlp, params: {hidden: [16]}}
                distiller: {name: hinton-kd, params: {temperature: 4, alpha: 0.9}}
                training:
                  epochs: 2
                  batch-size: 32
                  optimizer: {name: sgd, params: {learning-rate: 0.02}}
                  augmentation: {jitter: 1}
                """);
    }

    @Test
    void writesCompleteRecordsAndIsDeterministicPerSeed() throws IOException {
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");

        CommandOutput run = CommandOutput.run("run", directory.resolve("kd.yaml").toString(), "--results", first.toString());
        CommandOutput again = CommandOutput.run("run", directory.resolve("kd.yaml").toString(), "--results", second.toString());

        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(again.exitCode()).isZero();
        Path seedOne = only(first.resolve("test/kd"), "seed-1");
        assertThat(List.of("descriptor.yaml", "resolved.json", "provenance.json", "metrics.json", "events.jsonl",
                "model.zip", "DONE")).allSatisfy(file -> assertThat(seedOne.resolve(file)).exists());
        assertThat(Files.readAllLines(seedOne.resolve("events.jsonl"))).hasSize(2);
        assertThat(only(first.resolve("test/teacher"), "seed-1").resolve("DONE")).exists();

        String metrics = Files.readString(seedOne.resolve("metrics.json"));
        assertThat(Files.readString(only(second.resolve("test/kd"), "seed-1").resolve("metrics.json"))).isEqualTo(metrics);
        assertThat(Files.readString(only(first.resolve("test/kd"), "seed-2").resolve("metrics.json"))).isNotEqualTo(metrics);
        assertThat(metrics).contains("\"teacher\"", "\"test-accuracy\"");
        assertThat(Files.readString(seedOne.resolve("provenance.json")))
                .contains("\"git\"", "\"native-classifier\"", "\"sha256\"", "\"plugins\"", "\"hinton-kd\"");
    }

    @Test
    void aFinishedRunIsNotTrainedAgain() throws IOException {
        Path results = directory.resolve("reuse");
        CommandOutput.run("run", directory.resolve("kd.yaml").toString(), "--results", results.toString(), "--seeds", "1");
        Path run = only(results.resolve("test/kd"), "seed-1");
        FileTime done = Files.getLastModifiedTime(run.resolve("DONE"));
        String events = Files.readString(run.resolve("events.jsonl"));

        CommandOutput again = CommandOutput.run("run", directory.resolve("kd.yaml").toString(), "--results",
                results.toString(), "--seeds", "1");

        assertThat(again.text()).contains("already DONE");
        assertThat(Files.getLastModifiedTime(run.resolve("DONE"))).isEqualTo(done);
        assertThat(Files.readString(run.resolve("events.jsonl"))).isEqualTo(events);
    }

    @Test
    void anInterruptedRunWithoutDoneIsRedone() throws IOException {
        Path results = directory.resolve("interrupted");
        CommandOutput.run("run", directory.resolve("teacher.yaml").toString(), "--results", results.toString(), "--seeds", "1");
        Path run = only(results.resolve("test/teacher"), "seed-1");
        Files.delete(run.resolve("DONE"));
        Files.writeString(run.resolve("metrics.json"), "partial");

        CommandOutput again = CommandOutput.run("run", directory.resolve("teacher.yaml").toString(), "--results",
                results.toString(), "--seeds", "1");

        assertThat(again.text()).doesNotContain("already DONE");
        assertThat(run.resolve("DONE")).exists();
        assertThat(Files.readString(run.resolve("metrics.json"))).startsWith("{");
    }

    @Test
    void aTeacherCanBeAModelFileCheckedByItsSha256() throws IOException {
        Path results = directory.resolve("file-teacher");
        CommandOutput.run("run", directory.resolve("teacher.yaml").toString(), "--results", results.toString(), "--seeds", "1");
        Path model = only(results.resolve("test/teacher"), "seed-1").resolve("model.zip");
        String sha256 = org.distill4j.kernel.run.AtomicFiles.sha256(model);
        String descriptor = Files.readString(directory.resolve("kd.yaml")).replace("experiment: test/kd", "experiment: test/kd-file")
                .replace("teacher: {experiment: teacher.yaml}", "teacher: {file: '" + model + "', sha256: '%s'}");
        Files.writeString(directory.resolve("kd-file.yaml"), descriptor.formatted(sha256));
        Files.writeString(directory.resolve("kd-wrong.yaml"), descriptor.replace("test/kd-file", "test/kd-wrong")
                .formatted("0".repeat(64)));

        CommandOutput good = CommandOutput.run("run", directory.resolve("kd-file.yaml").toString(), "--results",
                results.toString(), "--seeds", "1");
        CommandOutput wrong = CommandOutput.run("run", directory.resolve("kd-wrong.yaml").toString(), "--results",
                results.toString(), "--seeds", "1");

        assertThat(good.exitCode()).as(good.text() + good.errors()).isZero();
        assertThat(Files.readString(only(results.resolve("test/kd-file"), "seed-1").resolve("metrics.json")))
                .contains(sha256);
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.errors()).contains("has SHA-256 " + sha256, "expects " + "0".repeat(64));
        assertThat(only(results.resolve("test/kd-wrong"), "seed-1").resolve("DONE")).doesNotExist();
    }

    @Test
    void earlierStagesTrainFirstAreRecordedBesideTheMainHistoryAndRerunToTheSameMetrics() throws IOException {
        TinyDescriptors.write(directory, "staged.yaml", TinyDescriptors.KD.replace("experiment: test/kd",
                "experiment: test/staged") + """
                stages:
                  - name: warm-up
                    distiller: {name: cross-entropy}
                    training: {epochs: 1, batch-size: 32, optimizer: {name: adam, params: {learning-rate: 0.001}}}
                """);
        Path results = directory.resolve("staged");

        CommandOutput run = CommandOutput.run("run", directory.resolve("staged.yaml").toString(), "--results",
                results.toString(), "--seeds", "1");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.text()).contains("stage 1 of 2: warm-up, 1 epochs, trains every layer",
                "stage 2 of 2: main training");
        Path staged = only(results.resolve("test/staged"), "seed-1");
        JsonNode metrics = new ObjectMapper().readTree(staged.resolve("metrics.json").toFile());
        assertThat(metrics.path("stages")).singleElement().satisfies(stage -> {
            assertThat(stage.path("name").textValue()).isEqualTo("warm-up");
            assertThat(stage.path("history").path("train-loss")).hasSize(1);
        });
        assertThat(metrics.path("history").path("train-loss")).hasSize(2);
        assertThat(Files.readString(staged.resolve("events.jsonl"))).contains("\"stage\":\"warm-up\"",
                "\"stage\":\"train\"");

        CommandOutput rerun = CommandOutput.run("rerun", staged.toString(), "--results",
                directory.resolve("staged-rerun").toString());

        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.text()).contains("reproduced: metrics.json identical");
    }

    private static Path only(Path experiment, String seed) throws IOException {
        try (Stream<Path> hashes = Files.list(experiment)) {
            List<Path> directories = hashes.filter(Files::isDirectory).toList();
            assertThat(directories).hasSize(1);
            return directories.get(0).resolve(seed);
        }
    }

    @Test
    void seedsThatTheDescriptorDoesNotHaveAreRefusedWithItsSeeds() {
        Path results = directory.resolve("unknown-seed");

        CommandOutput run = CommandOutput.run("run", directory.resolve("teacher.yaml").toString(), "--seeds", "7",
                "--results", results.toString());

        assertThat(run.exitCode()).as(run.text()).isEqualTo(2);
        assertThat(run.text()).contains("--seeds [7] is not a seed of the descriptors, whose seeds are [1, 2]",
                "nothing was run");
        assertThat(results).doesNotExist();
    }

    @Test
    void anEmptyResultsFolderIsRefusedInsteadOfWritingIntoTheCurrentDirectory() {
        CommandOutput run = CommandOutput.run("run", directory.resolve("teacher.yaml").toString(), "--results", "");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.all()).contains("--results is empty; give the folder the runs are kept in");
    }

}
