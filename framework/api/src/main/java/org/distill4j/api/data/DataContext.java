package org.distill4j.api.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a dataset source needs from the run that loads it.
 *
 * @param seed             the run's seed: splits and subsets are drawn from it, so a seed always gives the same data
 * @param workingDirectory the directory relative paths in parameters resolve against
 */
public record DataContext(long seed, Path workingDirectory) {

    public DataContext {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
