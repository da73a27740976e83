package org.distill4j.kernel.descriptor;

import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds experiment descriptors under a directory: every {@code *.yaml} and {@code *.yml} file, except those in a
 * {@code tables} folder (table specs, not experiments), sorted by their path below the directory.
 */
public final class DescriptorFiles {

    private static final String TABLES = "tables";

    public static List<Path> find(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(DescriptorFiles::isYaml)
                    .filter(file -> !inTables(directory.relativize(file)))
                    .sorted(Comparator.comparing(file -> slashed(directory.relativize(file))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list descriptors under " + directory + ": " + FileErrors.describe(e), e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static boolean inTables(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().equals(TABLES)) {
                return true;
            }
        }
        return false;
    }

    // Sorting on '/'-joined names gives the same order on every platform.
    private static String slashed(Path relative) {
        StringBuilder text = new StringBuilder();
        for (Path name : relative) {
            text.append(text.length() == 0 ? "" : "/").append(name);
        }
        return text.toString();
    }

    private DescriptorFiles() {
    }
}
