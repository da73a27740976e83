package org.distill4j.report;

import java.util.Objects;

/**
 * A finished run of an older version of a cell's variant: same experiment id, profile and overrides, another
 * descriptor hash. Reported, never used.
 *
 * @param directory the run's directory relative to the results root, '/'-separated
 * @param hash      the hash of the descriptor it was trained for
 * @param seed      its seed
 */
public record StaleRun(String directory, String hash, long seed) {

    public StaleRun {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(hash, "hash");
    }
}
