package org.distill4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny synthetic descriptors (a teacher and KD students) that train in a few seconds. */
final class TinyDescriptors {

    /** The dataset section of the convolutional tests: 8x8 synthetic images of 4 classes. */
    static final String IMAGES = "dataset: {name: synthetic, params: {train-size: 192, test-size: 96, height: 8,"
            + " width: 8, classes: 4}}\n";

    /** A small VGG teacher on {@link #IMAGES} (conv1 8, conv2 12), for the compression and derived-student tests. */
    static final String CNN_TEACHER = """
            experiment: test/cnn-teacher
            seeds: [1]
            %sstudent:
              model: {family: vgg, params: {layers: ["8", M, "12", M]}}
            distiller: {name: cross-entropy}
            training: {epochs: 2, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.05}}}
            """.formatted(IMAGES);

    static final String TEACHER = """
            experiment: test/teacher
            seeds: [1, 2]
            dataset: {name: synthetic, params: {train-size: 256, test-size: 128}}
            student:
              model: {family: mlp, params: {hidden: [32]}}
            distiller: {name: cross-entropy}
            training: {epochs: 2, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.02}}}
            """;

    static final String KD = """
            experiment: test/kd
            seeds: [1, 2]
            dataset: {name: synthetic, params: {train-size: 256, test-size: 128}}
            teacher: {experiment: teacher.yaml}
            student:
              model: {family: mlp, params: {hidden: [16]}}
            distiller: {name: hinton-kd, params: {temperature: 4, alpha: 0.9}}
            training: {epochs: 2, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.02}}}
            """;

    /** Writes teacher.yaml and kd.yaml into the directory. */
    static void write(Path directory) {
        write(directory, "teacher.yaml", TEACHER);
        write(directory, "kd.yaml", KD);
    }

    static Path write(Path directory, String name, String yaml) {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TinyDescriptors() {
    }
}
