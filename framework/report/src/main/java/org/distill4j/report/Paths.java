package org.distill4j.report;

import java.nio.file.Path;

/**
 * Paths as the outputs show them: relative and '/'-separated, so that a clone elsewhere (or on another operating
 * system) writes the same files.
 */
final class Paths {

    /** A relative path joined with '/'. */
    static String slashed(Path relative) {
        StringBuilder text = new StringBuilder();
        for (Path name : relative) {
            text.append(text.length() == 0 ? "" : "/").append(name);
        }
        return text.length() == 0 ? "." : text.toString();
    }

    /** A path relative to a base directory, '/'-separated; both are made absolute first. */
    static String relative(Path base, Path path) {
        return slashed(base.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()));
    }

    private Paths() {
    }
}
