package org.distill4j.kernel.descriptor;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A teacher loaded from a DL4J {@code ModelSerializer} ComputationGraph zip. The file's existence and hash are
 * checked when it is loaded, not when the descriptor is parsed, so descriptors validate on machines without it.
 *
 * @param file   the absolute path of the zip ({@code ${ENV}} expanded)
 * @param sha256 the expected SHA-256 of the file, 64 lower-case hexadecimal digits
 */
public record FileTeacher(Path file, String sha256) implements TeacherChoice {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public FileTeacher {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hexadecimal digits, got '" + sha256 + "'");
        }
    }
}
