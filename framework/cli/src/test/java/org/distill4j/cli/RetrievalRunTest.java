package org.distill4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class-disjoint retrieval task end to end: a teacher and a DarkRank student train on two classes of four and are
 * evaluated by Recall@K and mAP among the test images of the other two.
 */
class RetrievalRunTest {

    private static final String TASK = """
            dataset: {name: synthetic, params: {train-size: 256, test-size: 128, height: 8, width: 8, classes: 4}}
            retrieval: {train-classes: [0, 2], recall-at: [1, 4]}
            """;

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeDescriptors() {
        TinyDescriptors.write(directory, "teacher.yaml", """
                experiment: test/retrieval-teacher
                seeds: [1]
                %sstudent:
                  model: {family: embedding-net, params: {widths: [8, 8], convolutions-per-stage: 1, embedding-size: 8}}
                distillers: [{name: cross-entropy}, {name: triplet}]
                training:
                  epochs: 2
                  batch-size: 32
                  optimizer: {name: sgd, params: {learning-rate: 0.05}}
                  sampler: {classes-per-batch: 2, images-per-class: 8}
                """.formatted(TASK));
        TinyDescriptors.write(directory, "student.yaml", """
                experiment: test/retrieval-student
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  model: {family: embedding-net, params: {widths: [4, 4], convolutions-per-stage: 1, embedding-size: 8}}
                distillers:
                  - {name: cross-entropy}
                  - {name: darkrank-soft, weight: 10}
                  - {name: darkrank-hard, params: {list-length: 4}, weight: 0.1}
                training: {epochs: 1, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.05}}}
                """.formatted(TASK));
    }

    @Test
    void aRetrievalRunRecordsRecallAndMeanAveragePrecisionAmongTheUnseenClasses() throws IOException {
        Path results = directory.resolve("results");
        CommandOutput run = CommandOutput.run("run", directory.resolve("student.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).as(run.text() + run.errors()).isZero();
        assertThat(run.text()).contains("retrieval among 64 test images of classes [1, 3]: R@1 ", "mAP", "R@1");
        JsonNode metrics = metrics(results.resolve("test/retrieval-student"));
        JsonNode test = metrics.path("retrieval").path("test");
        assertThat(test.path("queries").asInt()).isEqualTo(64);
        assertThat(test.path("recall-at-1").asDouble()).isBetween(0.0, 1.0);
        assertThat(test.path("recall-at-4").asDouble()).isBetween(test.path("recall-at-1").asDouble(), 1.0);
        assertThat(test.path("map").asDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.path("retrieval").path("validation").path("queries").asInt()).isPositive();
        assertThat(metrics.path("test-accuracy").isNull()).isTrue();
        assertThat(metrics.path("teacher").path("retrieval").path("test").path("recall-at-1").isNumber()).isTrue();
        assertThat(metrics.path("history").path("train-loss")).hasSize(1);
        // The teacher trained on the same two classes: two logits.
        JsonNode teacher = metrics(results.resolve("test/retrieval-teacher"));
        assertThat(teacher.path("retrieval").path("test").path("queries").asInt()).isEqualTo(64);
    }

    @Test
    void aSoftListLongerThanSixIsRejectedWithTheLimitAndTheReason() {
        TinyDescriptors.write(directory, "long.yaml", """
                experiment: test/long-list
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  model: {family: embedding-net, params: {widths: [4, 4], convolutions-per-stage: 1, embedding-size: 8}}
                distillers: [{name: cross-entropy}, {name: darkrank-soft, params: {list-length: 9}}]
                training: {epochs: 1}
                """.formatted(TASK));

        CommandOutput validate = CommandOutput.run("validate", directory.resolve("long.yaml").toString());

        assertThat(validate.exitCode()).isNotZero();
        assertThat(validate.text() + validate.errors()).contains("list-length", "9", "6");
    }

    private static JsonNode metrics(Path experiment) throws IOException {
        try (Stream<Path> files = Files.walk(experiment)) {
            Path file = files.filter(path -> path.getFileName().toString().equals("metrics.json")).findFirst()
                    .orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }
}
