package org.distill4j.report;

/** Whether a cell's runs are all there. Anything but {@code COMPLETE} fails {@code distill4j tables --strict}. */
public enum CellStatus {
    /** Every seed of the current descriptor has a finished run. */
    COMPLETE,
    /** Some seeds of the current descriptor have a finished run, not all. */
    PARTIAL,
    /** No seed of the current descriptor has a finished run, and no older descriptor of this variant has either. */
    MISSING,
    /**
     * The current descriptor's runs are incomplete, and runs of an older version of the same variant (same profile,
     * same overrides, another hash) exist: the descriptor was edited after they ran. They are never used.
     */
    STALE,
    /**
     * A finished run of the current descriptor has records that cannot be read (a damaged {@code metrics.json}); it
     * is left out of the value, and the cell says so instead of the table failing.
     */
    DAMAGED;

    /** The status as outputs write it: lower case. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
