package org.distill4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Prune, then distill through descriptors: iterative magnitude pruning with retraining between rounds, pruning
 * continued from a pruned run, a student distilled from the pruned teacher, and the errors.
 */
class MagnitudePruningRunTest {

    private static final String DATA = TinyDescriptors.IMAGES;
    private static final String TRAINING = "distiller: {name: cross-entropy}\ntraining: {epochs: 1, batch-size: 32,"
            + " optimizer: {name: sgd, params: {learning-rate: 0.05, momentum: 0.9, weight-decay: 0.0005}}}\n";
    private static final List<String> LAYERS = List.of("conv1", "conv2", "logits");

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeDescriptors() {
        TinyDescriptors.write(directory, "teacher.yaml", TinyDescriptors.CNN_TEACHER);
        TinyDescriptors.write(directory, "prune-36.yaml", """
                experiment: test/prune-36
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: magnitude, params: {rounds: 2}}
                %s""".formatted(DATA, TRAINING));
        TinyDescriptors.write(directory, "prune-49.yaml", """
                experiment: test/prune-49
                seeds: [1]
                %steacher: {experiment: prune-36.yaml}
                student:
                  compressor: {name: magnitude, params: {rounds: 1}}
                %s""".formatted(DATA, TRAINING));
        TinyDescriptors.write(directory, "kd-pruned.yaml", """
                experiment: test/kd-pruned
                seeds: [1]
                %steacher: {experiment: prune-36.yaml}
                student:
                  model: {family: vgg, params: {layers: ["4", M, "6", M]}}
                distiller: {name: hinton-kd, params: {temperature: 10, alpha: 0.95}}
                training: {epochs: 1, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.05}}}
                """.formatted(DATA));
    }

    @Test
    void eachRoundPrintsItsSparsityPerLayerAndTheAccuracyItsRetrainingReachesAndTheModelKeepsTheZeros()
            throws IOException {
        Path results = directory.resolve("pruned");
        CommandOutput run = CommandOutput.run("run", directory.resolve("prune-36.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).as(run.text()).isZero();
        // 72 + 864 + 192 = 1,128 weights: round 1 removes round(0.2 x 1128) = 226, round 2 round(0.2 x 902) = 180.
        assertThat(run.text()).contains("magnitude round 1: sparsity 20.04% (902 of 1,128 weights kept)", " conv1 ",
                " logits ", "magnitude round 1 of 2 retrained 1 epochs", "test accuracy",
                "magnitude round 2: sparsity 35.99% (722 of 1,128", "magnitude round 2 of 2: retrained by the run's"
                        + " own training");
        JsonNode metrics = record(results.resolve("test/prune-36"), "metrics.json");
        JsonNode details = metrics.path("compression").path("details");
        assertThat(details.path("scope").asText()).isEqualTo("global");
        assertThat(details.path("history")).hasSize(2);
        assertThat(details.path("history").get(0).path("test-accuracy").isNumber()).isTrue();
        assertThat(metrics.path("epochs").asInt()).isEqualTo(1);

        ComputationGraph model = model(results.resolve("test/prune-36"));
        long weights = 0;
        long nonzero = 0;
        for (String layer : LAYERS) {
            INDArray weight = model.getLayer(layer).getParam("W");
            long layerNonzero = weight.neq(0).castTo(DataType.INT64).sumNumber().longValue();
            assertThat(layerNonzero).as(layer + ": the trained model's non-zeros are the recorded survivors")
                    .isEqualTo(details.path("layers").path(layer).path("nonzero").asLong());
            weights += weight.length();
            nonzero += layerNonzero;
        }
        assertThat(1 - (double) nonzero / weights).isCloseTo(0.36, within(LAYERS.size() / (double) weights));
        assertThat(Files.readString(file(results.resolve("test/prune-36"), "events.jsonl")))
                .contains("\"stage\":\"prune-round-1\"", "\"stage\":\"train\"");
    }

    @Test
    void pruningContinuesFromAPrunedRunAndAStudentDistilsFromThePrunedTeacher() throws IOException {
        Path results = directory.resolve("continued");
        CommandOutput more = CommandOutput.run("run", directory.resolve("prune-49.yaml").toString(), "--results",
                results.toString());
        CommandOutput kd = CommandOutput.run("run", directory.resolve("kd-pruned.yaml").toString(), "--results",
                results.toString());

        assertThat(more.exitCode()).as(more.text()).isZero();
        // 722 weights remain; one more round removes round(0.2 x 722) = 144.
        assertThat(more.text()).contains("magnitude: the teacher is 35.99% sparse already",
                "magnitude round 1: sparsity 48.76% (578 of 1,128 weights kept)");
        JsonNode details = record(results.resolve("test/prune-49"), "metrics.json").path("compression")
                .path("details");
        assertThat(details.path("initial-sparsity").asDouble()).isCloseTo(0.36, within(0.01));
        assertThat(details.path("sparsity").asDouble()).isCloseTo(1 - 0.8 * 0.8 * 0.8, within(0.01));

        assertThat(kd.exitCode()).as(kd.text()).isZero();
        JsonNode student = record(results.resolve("test/kd-pruned"), "metrics.json");
        JsonNode pruned = record(results.resolve("test/prune-36"), "metrics.json");
        assertThat(student.path("teacher").path("experiment").asText()).isEqualTo("test/prune-36");
        assertThat(student.path("teacher").path("test-accuracy").asDouble())
                .isEqualTo(pruned.path("test-accuracy").asDouble());
    }

    @Test
    void anAlignerAfterMagnitudePruningIsRefusedBeforeTheTeacherTrains() {
        TinyDescriptors.write(directory, "aligned-magnitude.yaml", """
                experiment: test/aligned-magnitude
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: magnitude}
                  aligner: {name: fskd-bcd, params: {samples: 40}}
                """.formatted(DATA));
        Path results = directory.resolve("aligned-magnitude");

        CommandOutput run = CommandOutput.run("run", directory.resolve("aligned-magnitude.yaml").toString(),
                "--results", results.toString());

        assertThat(run.exitCode()).as(run.text()).isEqualTo(2);
        assertThat(run.text()).contains("student.aligner: compressor 'magnitude' holds pruned weights at zero, which"
                + " aligner 'fskd-bcd' would fill in");
        assertThat(results).doesNotExist();
    }

    @Test
    void roundsWithoutATrainingSectionAndANarrowedTeacherAreRefusedWithWhatToDo() {
        TinyDescriptors.write(directory, "untrained.yaml", """
                experiment: test/untrained
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: magnitude, params: {rounds: 2}}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "l1.yaml", """
                experiment: test/l1
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter, params: {ratio: 0.5}}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "l1-then-magnitude.yaml", """
                experiment: test/l1-then-magnitude
                seeds: [1]
                %steacher: {experiment: l1.yaml}
                student:
                  compressor: {name: magnitude}
                """.formatted(DATA));
        Path results = directory.resolve("refused");

        CommandOutput untrained = CommandOutput.run("run", directory.resolve("untrained.yaml").toString(),
                "--results", results.toString());
        CommandOutput narrowed = CommandOutput.run("run", directory.resolve("l1-then-magnitude.yaml").toString(),
                "--results", results.toString());

        assertThat(untrained.exitCode()).isNotZero();
        assertThat(untrained.text() + untrained.errors()).contains("the compressor magnitude retrains the student"
                + " between its steps, with the run's training; add a 'training' section");
        assertThat(narrowed.exitCode()).isNotZero();
        assertThat(narrowed.text() + narrowed.errors()).contains("the teacher to compress is not the"
                + " architecture its descriptor chain gives: its model's conv1 weight is [4, 1, 3, 3] but its"
                + " family's architecture (vgg) gives [8, 1, 3, 3]", "(unstructured pruning)");
        assertThat(results.resolve("test/untrained")).satisfiesAnyOf(
                path -> assertThat(Files.exists(path)).isFalse(),
                path -> assertThat(Files.walk(path).map(found -> found.getFileName().toString()))
                        .doesNotContain("DONE", "metrics.json"));
    }

    private static ComputationGraph model(Path experiment) throws IOException {
        return ModelSerializer.restoreComputationGraph(file(experiment, "model.zip").toFile(), false);
    }

    private static JsonNode record(Path experiment, String name) throws IOException {
        return new ObjectMapper().readTree(file(experiment, name).toFile());
    }

    private static Path file(Path experiment, String name) throws IOException {
        try (Stream<Path> files = Files.walk(experiment)) {
            return files.filter(path -> path.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }
}
