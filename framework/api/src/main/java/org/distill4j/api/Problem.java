package org.distill4j.api;

import java.util.Objects;

/**
 * One thing wrong with a descriptor: where it is (a dotted path such as {@code distiller.params.temperature})
 * and what is wrong, including what would be right.
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
