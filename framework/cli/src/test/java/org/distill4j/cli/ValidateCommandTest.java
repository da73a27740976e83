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
    void acceptsTheShippedExperiments() throws IOException {
        Path experiments = Path.of("../../experiments/hinton2015");
        long descriptors;
        try (var files = Files.list(experiments)) {
            descriptors = files.filter(file -> file.getFileName().toString().endsWith(".yaml")).count();
        }
        CommandOutput output = CommandOutput.run("validate", experiments.toString());

        assertThat(output.exitCode()).as(output.text()).isZero();
        assertThat(descriptors).isGreaterThanOrEqualTo(5);
        assertThat(output.text()).contains(descriptors + " of " + descriptors + " descriptors valid");
    }
}
