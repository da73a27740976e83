package org.distill4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny synthetic descriptors (a teacher and KD students) that train in a few seconds. */
final class TinyDescriptors {

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
