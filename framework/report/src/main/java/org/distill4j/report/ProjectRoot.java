package org.distill4j.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository root that output paths are relative to, so that a clone elsewhere writes the same files: the
 * nearest directory at or above a path that holds {@code .git}.
 */
public final class ProjectRoot {

    /** The nearest ancestor of {@code start} (or {@code start} itself) with a {@code .git} entry. */
    public static Optional<Path> find(Path start) {
        for (Path directory = start.toAbsolutePath().normalize(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve(".git"))) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    /** The repository holding {@code start}, or the current directory outside a repository. */
    public static Path of(Path start) {
        return find(start).orElse(Path.of("").toAbsolutePath());
    }

    private ProjectRoot() {
    }
}
