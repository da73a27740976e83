package org.distill4j.report;

/** The kinds of plot a table spec can ask for; written in kebab-case. */
public enum PlotType {
    /** A per-epoch history metric against the epoch, one line per cell (the mean over its runs). */
    EPOCHS,
    /** The table's metric against the column value, one line per row that varies with the columns. */
    PARAMETER
}
