package org.distill4j.cli;

import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code distill4j diff} on real run records: two seeds of one experiment, and two versions of a descriptor. */
class DiffCommandTest {

    @TempDir
    static Path directory;
    private static Path seedOne;
    private static Path seedTwo;
    private static Path editedSeedOne;

    @BeforeAll
    static void runTwoSeedsAndAnEditedVersion() throws IOException {
        Path experiments = directory.resolve("experiments");
        Path results = directory.resolve("results");
        TinyDescriptors.write(experiments);
        Path teacher = experiments.resolve("teacher.yaml");
        CommandOutput original = CommandOutput.run("run", teacher.toString(), "--results", results.toString());
        TinyDescriptors.write(experiments, "teacher.yaml", TinyDescriptors.TEACHER.replace("hidden: [32]", "hidden: [24]"));
        CommandOutput edited = CommandOutput.run("run", teacher.toString(), "--results", results.toString(), "--seeds", "1");
        assertThat(original.exitCode()).as(original.all()).isZero();
        assertThat(edited.exitCode()).as(edited.all()).isZero();

        List<Path> versions = hashFolders(results.resolve("test/teacher"));
        assertThat(versions).hasSize(2);
        Path originalVersion = Files.isDirectory(versions.get(0).resolve("seed-2")) ? versions.get(0) : versions.get(1);
        seedOne = originalVersion.resolve("seed-1");
        seedTwo = originalVersion.resolve("seed-2");
        editedSeedOne = versions.get(originalVersion.equals(versions.get(0)) ? 1 : 0).resolve("seed-1");
    }

    @Test
    void twoSeedsOfOneExperimentDifferInSeedAndMeasurementsButNotInIdentity() {
        CommandOutput diff = CommandOutput.run("diff", seedOne.toString(), seedTwo.toString());

        assertThat(diff.exitCode()).as(diff.all()).isZero();
        assertThat(diff.text()).contains("A: " + seedOne, "B: " + seedTwo,
                "resolved.json (the experiment's identity): identical",
                "provenance.json, expected to differ (times of the run): ", "  started: ", "  finished: ",
                "  seconds: ");
        assertThat(section(diff.text(), "provenance.json: ")).contains("  seed: 1 -> 2", "  model-sha256: ")
                .doesNotContain("hash: ", "started: ");
        assertThat(section(diff.text(), "metrics.json: ")).contains("  seed: 1 -> 2", "  test-accuracy: ",
                "  history.train-loss[0]: ");
    }

    @Test
    void twoVersionsOfADescriptorShowTheEditedParameterInEveryRecord() {
        CommandOutput diff = CommandOutput.run("diff", seedOne.toString(), editedSeedOne.toString());

        assertThat(diff.exitCode()).as(diff.all()).isZero();
        String oldHash = Json.read(seedOne.resolve(RunStore.METRICS)).path("hash").asText();
        String newHash = Json.read(editedSeedOne.resolve(RunStore.METRICS)).path("hash").asText();
        assertThat(section(diff.text(), "resolved.json (the experiment's identity): 1 difference"))
                .contains("  student.model.params.hidden[0]: 32 -> 24");
        assertThat(section(diff.text(), "provenance.json: ")).contains(
                "  hash: \"" + oldHash + "\" -> \"" + newHash + "\"", "  descriptor.sha256: ")
                .doesNotContain("  seed: ");
        assertThat(section(diff.text(), "metrics.json: ")).contains(
                "  hash: \"" + oldHash + "\" -> \"" + newHash + "\"", "  student.parameters: ", "  test-accuracy: ");
    }

    @Test
    void aDirectoryThatIsNotARunIsAnErrorThatSaysWhatARunIs() {
        Path experiments = directory.resolve("experiments");

        CommandOutput notARun = CommandOutput.run("diff", experiments.toString(), seedOne.toString());
        CommandOutput missing = CommandOutput.run("diff", seedOne.toString(), directory.resolve("nowhere").toString());

        assertThat(notARun.exitCode()).as(notARun.all()).isEqualTo(1);
        assertThat(notARun.errors()).contains(experiments + " is not a run directory: it has none of resolved.json,"
                + " provenance.json and metrics.json (expected results/<experiment>/<hash12>/seed-<n>/)");
        assertThat(notARun.text()).isEmpty();
        assertThat(missing.exitCode()).as(missing.all()).isEqualTo(1);
        assertThat(missing.errors()).contains("no such run directory: " + directory.resolve("nowhere"));
    }

    /** The lines of one group of the diff: its title line and the indented lines below it. */
    private static String section(String text, String title) {
        int start = text.indexOf("\n" + title);
        assertThat(start).as("a group starting with '" + title + "' in\n" + text).isNotNegative();
        StringBuilder section = new StringBuilder();
        List<String> lines = text.substring(start + 1).lines().toList();
        section.append(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("  ")) {
                break;
            }
            section.append(line).append('\n');
        }
        return section.toString();
    }

    private static List<Path> hashFolders(Path experiment) throws IOException {
        try (Stream<Path> entries = Files.list(experiment)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }
}
