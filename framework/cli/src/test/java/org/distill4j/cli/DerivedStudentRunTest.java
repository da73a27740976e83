package org.distill4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student of a derived family ({@code sparsity-matched}) designed from its {@code student.source}: the source is
 * trained first, the design and the source are recorded, and a source whose widths a structured compressor changed
 * is refused with the layer that differs.
 */
class DerivedStudentRunTest {

    private static final String DATA = TinyDescriptors.IMAGES;

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeDescriptors() {
        TinyDescriptors.write(directory, "teacher.yaml", TinyDescriptors.CNN_TEACHER);
        TinyDescriptors.write(directory, "designed.yaml", """
                experiment: test/designed
                seeds: [1]
                %sstudent:
                  model: {family: sparsity-matched}
                  source: {experiment: teacher.yaml}
                distiller: {name: cross-entropy}
                training: {epochs: 1, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.05}}}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "filter-pruned.yaml", """
                experiment: test/filter-pruned
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter, params: {ratio: 0.5}}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "designed-from-filters.yaml", """
                experiment: test/designed-from-filters
                seeds: [1]
                %sstudent:
                  model: {family: sparsity-matched}
                  source: {experiment: filter-pruned.yaml}
                distiller: {name: cross-entropy}
                training: {epochs: 1, batch-size: 32}
                """.formatted(DATA));
    }

    @Test
    void aDerivedStudentTrainsItsSourceFirstAndRecordsTheDesign() throws IOException {
        Path results = directory.resolve("results");

        CommandOutput run = CommandOutput.run("run", directory.resolve("designed.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        // An unpruned source has no zero weights: the design gives back its widths.
        assertThat(run.text()).contains("== test/cnn-teacher seed 1", "student sparsity-matched designed from"
                + " student.source test/cnn-teacher seed 1: conv1 8, conv2 12, logits 4;");
        JsonNode metrics = record(results.resolve("test/designed"), "metrics.json");
        JsonNode source = metrics.path("student-source");
        assertThat(source.path("experiment").asText()).isEqualTo("test/cnn-teacher");
        assertThat(source.path("seed").asLong()).isEqualTo(1);
        assertThat(source.path("designed").toString()).isEqualTo("{\"conv1\":8,\"conv2\":12,\"logits\":4}");
        assertThat(source.path("weights").asLong()).isEqualTo(source.path("source-non-zero-weights").asLong())
                .isEqualTo(source.path("source-weights").asLong());
        assertThat(metrics.path("student").path("family").asText()).isEqualTo("sparsity-matched");
        JsonNode teacherMetrics = record(results.resolve("test/cnn-teacher"), "metrics.json");
        assertThat(metrics.path("student").path("parameters").asLong())
                .isEqualTo(teacherMetrics.path("student").path("parameters").asLong());
        JsonNode provenance = record(results.resolve("test/designed"), "provenance.json");
        assertThat(provenance.path("student-source").path("run").asText()).startsWith("test/cnn-teacher/")
                .endsWith("seed-1");
        assertThat(provenance.path("student-source").path("model-sha256").asText()).hasSize(64);
        assertThat(record(results.resolve("test/designed"), "resolved.json").path("student").path("source")
                .path("experiment").asText()).isEqualTo("test/cnn-teacher");
    }

    @Test
    void aSourceWhoseWidthsAStructuredCompressorChangedIsRefused() throws IOException {
        Path results = directory.resolve("filters");

        CommandOutput run = CommandOutput.run("run", directory.resolve("designed-from-filters.yaml").toString(),
                "--results", results.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.text() + run.errors()).contains("student.source test/filter-pruned seed 1: its model's conv1"
                + " weight is [4, 1, 3, 3] but its family's architecture (vgg) gives [8, 1, 3, 3]; a derived student"
                + " needs a source whose architecture its pruning kept (unstructured pruning)");
        try (Stream<Path> files = Files.walk(results)) {
            assertThat(files.filter(path -> path.toString().contains("designed-from-filters"))
                    .map(path -> path.getFileName().toString())).doesNotContain("metrics.json", "DONE");
        }
    }

    @Test
    void aDerivedStudentWithoutASourceIsRejectedBeforeAnyTraining() {
        TinyDescriptors.write(directory, "no-source.yaml", """
                experiment: test/no-source
                seeds: [1]
                %sstudent:
                  model: {family: sparsity-matched}
                distiller: {name: cross-entropy}
                training: {epochs: 1}
                """.formatted(DATA));

        CommandOutput validate = CommandOutput.run("validate", directory.resolve("no-source.yaml").toString());

        assertThat(validate.exitCode()).isNotZero();
        assertThat(validate.text()).contains("student.source: family 'sparsity-matched' derives the student from a"
                + " trained network: add student.source: {experiment: <pruned teacher descriptor>}");
    }

    private static JsonNode record(Path experiment, String name) throws IOException {
        try (Stream<Path> files = Files.walk(experiment)) {
            Path file = files.filter(path -> path.getFileName().toString().equals(name)).findFirst().orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }
}
