package org.distill4j.report;

import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ResolvedExperiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project in a temporary folder: descriptors under {@code experiments/demo}, table specs under
 * {@code experiments/demo/tables}, and {@code results/} with fake runs (see {@link FakeRuns}). The descriptors are
 * real (synthetic dataset, mlp, cross-entropy and hinton-kd), so their hashes are the ones a run would have.
 */
final class TestProject {

    static final String TEACHER = """
            experiment: demo/teacher
            seeds: [1, 2]
            dataset: {name: synthetic, params: {train-size: 256, test-size: 128}}
            student:
              model: {family: mlp, params: {hidden: [32]}}
            distiller: {name: cross-entropy}
            training: {epochs: 2, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.02}}}
            profiles:
              quick: {seeds: [1], training: {epochs: 1}}
            """;

    static final String STUDENT = TEACHER.replace("demo/teacher", "demo/student").replace("[32]", "[16]");

    static final String KD = """
            experiment: demo/kd
            seeds: [1, 2]
            dataset: {name: synthetic, params: {train-size: 256, test-size: 128}}
            teacher: {experiment: teacher.yaml}
            student:
              model: {family: mlp, params: {hidden: [16]}}
            distiller: {name: hinton-kd, params: {temperature: 4, alpha: 0.9}}
            training: {epochs: 2, batch-size: 32, optimizer: {name: sgd, params: {learning-rate: 0.02}}}
            profiles:
              quick: {seeds: [1], training: {epochs: 1}}
            """;

    // Starting the kernel discovers the plugins; once is enough for every test.
    private static DescriptorParser parser;

    final Path root;

    private TestProject(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A project with teacher.yaml, student.yaml and kd.yaml, and no results yet. */
    static TestProject create(Path root) {
        TestProject project = new TestProject(root);
        project.descriptor("teacher.yaml", TEACHER);
        project.descriptor("student.yaml", STUDENT);
        project.descriptor("kd.yaml", KD);
        return project;
    }

    static synchronized DescriptorParser parser() {
        if (parser == null) {
            parser = Kernel.start().getInstance(DescriptorParser.class);
        }
        return parser;
    }

    Path experiments() {
        return root.resolve("experiments/demo");
    }

    Path results() {
        return root.resolve("results");
    }

    Path descriptor(String name, String yaml) {
        return write(experiments().resolve(name), yaml);
    }

    Path spec(String name, String yaml) {
        return write(experiments().resolve("tables").resolve(name), yaml);
    }

    /** The descriptor as a run of it would resolve it; null profile for none. */
    ResolvedExperiment resolve(String descriptor, String profile, DescriptorOverride... overrides) {
        return parser().parse(experiments().resolve(descriptor), Optional.ofNullable(profile), List.of(overrides))
                .orElseThrow();
    }

    Path finished(ResolvedExperiment experiment, long seed, double accuracy) {
        return FakeRuns.finished(results(), experiment, seed, accuracy);
    }

    Path finished(ResolvedExperiment experiment, long seed, double accuracy, Map<String, Object> moreMetrics) {
        return FakeRuns.finished(results(), experiment, seed, accuracy, moreMetrics);
    }

    Path interrupted(ResolvedExperiment experiment, long seed, double accuracy) {
        return FakeRuns.interrupted(results(), experiment, seed, accuracy);
    }

    Table build(Path spec, String profile) {
        return new TableBuilder(parser(), root).build(spec, Optional.ofNullable(profile), results());
    }

    static DescriptorOverride override(String text) {
        return DescriptorOverride.parse(text);
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
