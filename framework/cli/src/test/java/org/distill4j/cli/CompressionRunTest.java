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

/** A teacher compressed by a descriptor: evaluated as compressed, fine-tuned, and the descriptor errors. */
class CompressionRunTest {

    private static final String DATA = TinyDescriptors.IMAGES;

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeDescriptors() {
        TinyDescriptors.write(directory, "teacher.yaml", TinyDescriptors.CNN_TEACHER);
        TinyDescriptors.write(directory, "pruned.yaml", """
                experiment: test/pruned
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter, params: {ratio: 0.5}}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "pruned-tuned.yaml", """
                experiment: test/pruned-tuned
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter, params: {ratio: 0.5}}
                distiller: {name: cross-entropy}
                training: {epochs: 1, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.05}}}
                """.formatted(DATA));
    }

    @Test
    void aCompressedStudentIsEvaluatedAsCompressedWithItsCountsAndKeptChannels() throws IOException {
        Path results = directory.resolve("results");
        CommandOutput run = CommandOutput.run("run", directory.resolve("pruned.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("l1-filter conv1: keeps 4 of 8 filters", "compressed by l1-filter",
                "(no training)");
        JsonNode metrics = metrics(results.resolve("test/pruned"));
        assertThat(metrics.path("epochs").asInt()).isZero();
        assertThat(metrics.path("compression").path("kept-channels").path("conv1")).hasSize(4);
        assertThat(metrics.path("compression").path("kept-channels").path("conv2")).hasSize(6);
        long before = metrics.path("compression").path("before").path("parameters").asLong();
        long after = metrics.path("compression").path("after").path("parameters").asLong();
        assertThat(after).isLessThan(before).isEqualTo(metrics.path("student").path("parameters").asLong());
        assertThat(metrics.path("test-accuracy").asDouble())
                .isEqualTo(metrics.path("compression").path("test-accuracy").asDouble());
    }

    @Test
    void aCompressedStudentWithTrainingIsFineTunedFromItsCompressedWeights() throws IOException {
        Path results = directory.resolve("tuned");
        CommandOutput run = CommandOutput.run("run", directory.resolve("pruned-tuned.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).as(run.text()).isZero();
        JsonNode metrics = metrics(results.resolve("test/pruned-tuned"));
        assertThat(metrics.path("epochs").asInt()).isEqualTo(1);
        assertThat(metrics.path("compression").path("test-accuracy").isNumber()).isTrue();
        assertThat(metrics.path("student").path("parameters").asLong())
                .isEqualTo(metrics.path("compression").path("after").path("parameters").asLong());
    }

    @Test
    void anAlignedStudentReportsItsAccuracyBeforeAndAfterAndItsRecoveryTime() throws IOException {
        TinyDescriptors.write(directory, "aligned.yaml", """
                experiment: test/aligned
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter, params: {ratio: 0.5}}
                  aligner: {name: fskd-bcd, params: {samples: 40}}
                """.formatted(DATA));
        Path results = directory.resolve("aligned");

        CommandOutput run = CommandOutput.run("run", directory.resolve("aligned.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("fskd-bcd block 1 of 2 conv1", "aligned by fskd-bcd on 40 images in");
        JsonNode metrics = metrics(results.resolve("test/aligned"));
        assertThat(metrics.path("alignment").path("samples").asInt()).isEqualTo(40);
        assertThat(metrics.path("alignment").path("residuals").path("conv2").isNumber()).isTrue();
        assertThat(metrics.path("test-accuracy").asDouble())
                .isEqualTo(metrics.path("alignment").path("test-accuracy").asDouble());
        assertThat(metrics.path("student").path("parameters").asLong())
                .isEqualTo(metrics.path("compression").path("after").path("parameters").asLong());
        assertThat(metrics.toString()).doesNotContain("seconds");
        JsonNode provenance = provenance(results.resolve("test/aligned"));
        assertThat(provenance.path("recovery-seconds").asDouble()).isPositive()
                .isEqualTo(provenance.path("alignment-seconds").asDouble());
    }

    @Test
    void anAlignerAskingForMoreSamplesThanTheTrainingSplitHoldsIsRejectedWithBothNumbers() throws IOException {
        TinyDescriptors.write(directory, "greedy.yaml", """
                experiment: test/greedy
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter, params: {ratio: 0.5}}
                  aligner: {name: fskd-bcd, params: {samples: 5000}}
                """.formatted(DATA));
        Path results = directory.resolve("greedy");

        CommandOutput run = CommandOutput.run("run", directory.resolve("greedy.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.text() + run.errors()).contains("the aligner asks for 5000 training images, but the training"
                + " split of", "holds 173; ask for between 1 and 173");
        try (Stream<Path> files = Files.walk(results)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("metrics.json", "DONE");
        }
    }

    @Test
    void aCompressorLayerTheTeacherDoesNotHaveIsRefusedBeforeTheTeacherTrains() {
        TinyDescriptors.write(directory, "no-such-layer.yaml", """
                experiment: test/no-such-layer
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter, params: {ratio: 0.5, layers: [conv99]}}
                """.formatted(DATA));
        Path results = directory.resolve("no-such-layer");

        CommandOutput run = CommandOutput.run("run", directory.resolve("no-such-layer.yaml").toString(), "--results",
                results.toString());

        assertThat(run.exitCode()).as(run.text()).isEqualTo(2);
        assertThat(run.text()).contains("student.compressor.params: compressor 'l1-filter' cannot compress the"
                + " teacher's", "layers names 'conv99', which is not a prunable convolution", "prunable: [conv1");
        assertThat(results).doesNotExist();
    }

    @Test
    void compressionDescriptorsAreCheckedBeforeAnyTraining() {
        TinyDescriptors.write(directory, "both.yaml", """
                experiment: test/both
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  model: {family: mlp}
                  compressor: {name: l1-filter}
                distiller: {name: cross-entropy}
                training: {epochs: 1}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "no-teacher.yaml", """
                experiment: test/no-teacher
                seeds: [1]
                %sstudent:
                  compressor: {name: l1-filter}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "untrained-distiller.yaml", """
                experiment: test/untrained-distiller
                seeds: [1]
                %steacher: {experiment: teacher.yaml}
                student:
                  compressor: {name: l1-filter}
                distiller: {name: cross-entropy}
                """.formatted(DATA));
        TinyDescriptors.write(directory, "no-training.yaml", """
                experiment: test/no-training
                seeds: [1]
                %sstudent:
                  model: {family: mlp}
                distiller: {name: cross-entropy}
                """.formatted(DATA));

        CommandOutput both = CommandOutput.run("validate", directory.resolve("both.yaml").toString());
        CommandOutput noTeacher = CommandOutput.run("validate", directory.resolve("no-teacher.yaml").toString());
        CommandOutput untrained = CommandOutput.run("validate", directory.resolve("untrained-distiller.yaml").toString());
        CommandOutput noTraining = CommandOutput.run("validate", directory.resolve("no-training.yaml").toString());

        assertThat(both.exitCode()).isNotZero();
        assertThat(both.text()).contains("give either 'model'", "or 'compressor' (the teacher, compressed), not both");
        assertThat(noTeacher.text()).contains("teacher: the student is the teacher compressed, so the teacher must be"
                + " a teacher experiment");
        assertThat(untrained.text()).contains("training: the distillers fine-tune the compressed student, which"
                + " needs 'training'");
        assertThat(noTraining.text()).contains("training: missing required key 'training'");
    }

    private static JsonNode metrics(Path experiment) throws IOException {
        return record(experiment, "metrics.json");
    }

    private static JsonNode provenance(Path experiment) throws IOException {
        return record(experiment, "provenance.json");
    }

    private static JsonNode record(Path experiment, String name) throws IOException {
        try (Stream<Path> files = Files.walk(experiment)) {
            Path file = files.filter(path -> path.getFileName().toString().equals(name)).findFirst().orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }
}
