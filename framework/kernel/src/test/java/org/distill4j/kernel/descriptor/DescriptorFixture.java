package org.distill4j.kernel.descriptor;

import com.google.inject.Injector;
import org.distill4j.api.Problem;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes descriptors into a directory and parses them with the fake plugins. */
final class DescriptorFixture {

    /** A complete, valid student descriptor without a teacher, most keys left to their defaults. */
    static final String MINIMAL = """
            experiment: fixture/minimal
            seeds: [1, 2]
            dataset: {name: tiny-images}
            student:
              model: {family: mlp}
            distiller: {name: cross-entropy}
            training: {epochs: 3}
            """;

    private static final Injector KERNEL = Kernel.start(List.of(new FakePlugin()));

    final Path directory;
    final DescriptorParser parser;

    DescriptorFixture(Path directory) {
        this.directory = directory;
        this.parser = new DescriptorParser(KERNEL.getInstance(ComponentRegistry.class),
                KERNEL.getInstance(ComponentFactory.class), new ParameterBinder(Map.of("MODELS", "/models")));
    }

    Path write(String name, String yaml) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParseResult parse(String name, String yaml) {
        return parser.parse(write(name, yaml));
    }

    ResolvedExperiment valid(String yaml) {
        return parser.parse(write("experiment.yaml", yaml)).orElseThrow();
    }

    List<Problem> problems(String yaml) {
        ParseResult result = parser.parse(write("experiment.yaml", yaml));
        if (result.isValid()) {
            throw new AssertionError("expected problems, but the descriptor is valid");
        }
        return result.problems();
    }

    List<Problem> problems(Path descriptor, String profile) {
        return parser.parse(descriptor, Optional.of(profile)).problems();
    }
}
