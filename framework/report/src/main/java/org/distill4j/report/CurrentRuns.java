package org.distill4j.report;

import java.util.List;

/**
 * The DONE runs of a cell's descriptor as it is now, in seed order: those whose records read, and those whose
 * records are damaged.
 */
record CurrentRuns(List<RunRecord> runs, List<DamagedRun> damaged) {

    CurrentRuns {
        runs = List.copyOf(runs);
        damaged = List.copyOf(damaged);
    }
}
