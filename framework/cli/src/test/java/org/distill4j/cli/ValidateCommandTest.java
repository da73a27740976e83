package org.distill4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @Test
    void reportsEveryProblemWithItsPathAndAlternativesAndWritesNothing(@TempDir Path directory) throws IOException {
        Path descriptor = directory.resolve("broken.yaml");
        Files.writeString(descriptor, """
                experiment: test/broken
                seeds: [1]
                dataset: {name: synthetic}
                student:
                  model: {family: mlp, params: {hidden: [16]}}
                distiller:
                  name: hinton-dk
                  params: {temperature: -4, alpah: 0.9}
                training: {epochs: 1}
                """);

        CommandOutput output = CommandOutput.run("validate", descriptor.toString());

        assertThat(output.exitCode()).isNotZero();
        assertThat(output.text())
                .contains("distiller.name: unknown distiller 'hinton-dk'", "did you mean 'hinton-kd'", "cross-entropy")
                .contains("distiller.params.alpah", "alpha", "temperature")
                .contains("distiller.params.temperature: -4", "> 0");
        assertThat(directory.resolve("results")).doesNotExist();
        assertThat(Path.of("results")).doesNotExist();
    }

    @Test
    void everyProfileIsCheckedMergedOntoTheBaseAndTheBaseItselfToo(@TempDir Path directory) throws IOException {
        Path descriptor = directory.resolve("profiled.yaml");
        Files.writeString(descriptor, """
                experiment: test/profiled
                seeds: [1]
                dataset: {name: synthetic}
                student:
                  model: {family: mlp, params: {hidden: [8]}}
                distiller: {name: cross-entropy}
                training: {epochs: 2}
                profiles:
                  quick:
                    training: {epochs: -1}
                  full:
                    training: {bacth-size: 4}
                """);
        Path baseBroken = directory.resolve("base-broken.yaml");
        Files.writeString(baseBroken, Files.readString(descriptor).replace("test/profiled", "test/base-broken")
                .replace("training: {epochs: 2}", "training: {epochs: -3}").replace("training: {epochs: -1}",
                        "training: {epochs: 1}"));

        CommandOutput all = CommandOutput.run("validate", descriptor.toString());
        CommandOutput quickOnly = CommandOutput.run("validate", baseBroken.toString(), "--profile", "quick");

        assertThat(all.exitCode()).as(all.text()).isEqualTo(2);
        assertThat(all.text()).contains("profiles.quick.training.epochs: -1 is out of range: must be >= 1",
                "profiles.full.training.bacth-size: unknown key 'bacth-size' (did you mean 'batch-size'?)");
        assertThat(quickOnly.exitCode()).as(quickOnly.text()).isEqualTo(2);
        assertThat(quickOnly.text()).contains("training.epochs: -3 is out of range: must be >= 1");
    }

    @Test
    void aValidDescriptorSaysWhichProfilesWereChecked(@TempDir Path directory) throws IOException {
        Path descriptor = directory.resolve("fine.yaml");
        Files.writeString(descriptor, """
                experiment: test/fine
                seeds: [1]
                dataset: {name: synthetic}
                student:
                  model: {family: mlp, params: {hidden: [8]}}
                distiller: {name: cross-entropy}
                training: {epochs: 2}
                profiles:
                  quick: {training: {epochs: 1}}
                """);

        CommandOutput output = CommandOutput.run("validate", descriptor.toString());

        assertThat(output.exitCode()).as(output.text()).isZero();
        assertThat(output.text()).contains("(test/fine, hash ", "; profiles quick checked)");
    }

    @Test
    void rejectsAnFspPairWhoseChannelsDifferNamingThePairAndBothCounts(@TempDir Path directory) throws IOException {
        String teacher = """
                experiment: test/teacher
                seeds: [1]
                dataset: {name: synthetic}
                student:
                  model: {family: resnet, params: {depth: 14, widths: [16, 32, 64]}}
                distiller: {name: cross-entropy}
                training: {epochs: 1}
                """;
        Files.writeString(directory.resolve("teacher.yaml"), teacher);
        Path student = directory.resolve("fsp.yaml");
        Files.writeString(student, teacher.replace("test/teacher", "test/fsp").replace("depth: 14, widths: [16, 32, 64]",
                "depth: 8, widths: [16, 16, 64]") + """
                teacher: {experiment: teacher.yaml}
                stages:
                  - name: fsp
                    distiller: {name: fsp, params: {pairs: [{student: [stage1.output, stage2.output]}]}}
                    train: taps
                    training: {epochs: 1}
                """);

        CommandOutput output = CommandOutput.run("validate", student.toString());

        assertThat(output.exitCode()).isNotZero();
        assertThat(output.text()).contains("stages[0].distiller: distiller 'fsp': pair (stage1.output, stage2.output):"
                + " the FSP matrices differ in shape, student 16x16 and teacher 16x32 channels");
    }

    @Test
    void acceptsTheShippedExperiments() throws IOException {
        Path experiments = Path.of("../../experiments");
        long descriptors;
        // validate reads folders recursively and skips the table specs under tables/.
        try (var files = Files.walk(experiments)) {
            descriptors = files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .filter(file -> !file.getParent().getFileName().toString().equals("tables"))
                    .count();
        }
        CommandOutput output = CommandOutput.run("validate", experiments.toString());

        assertThat(output.exitCode()).as(output.text()).isZero();
        assertThat(descriptors).isGreaterThanOrEqualTo(5);
        assertThat(output.text()).contains(descriptors + " of " + descriptors + " descriptors valid");
    }
}
