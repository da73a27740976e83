package org.distill4j.report;

import java.util.Objects;

/**
 * A run of a cell's current descriptor that is marked DONE but whose records cannot be read (a truncated or edited
 * {@code metrics.json}, say). Reported in its cell, never used; the other cells of the table are unaffected.
 *
 * @param directory the run's directory relative to the results root, '/'-separated
 * @param seed      its seed
 * @param problem   what is wrong, as reading the records said it
 */
public record DamagedRun(String directory, long seed, String problem) {

    public DamagedRun {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(problem, "problem");
    }
}
