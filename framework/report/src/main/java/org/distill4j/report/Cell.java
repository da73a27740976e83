package org.distill4j.report;

import java.util.List;
import java.util.Objects;

/**
 * One cell of a table: the experiment that fills it and the runs found for it.
 *
 * @param plan       where the cell sits and which variant fills it
 * @param row        the row's label
 * @param column     the column's header ({@code T=4}); empty for a row's only cell
 * @param descriptor the descriptor, relative to the project root, '/'-separated
 * @param experiment the experiment id
 * @param hash       the full hash of the descriptor as resolved now (profile and overrides applied)
 * @param seeds      the descriptor's seeds: the runs a complete cell has
 * @param runs       the DONE runs of the current hash, in seed order
 * @param olderRuns  DONE runs of older versions of this variant; never part of the value
 * @param damaged    DONE runs of the current hash whose records cannot be read; never part of the value
 * @param value      the values of {@code runs}, scaled; none when the runs do not record the metric
 * @param recorded   false when the cell has runs and none of them records its metric column's metric (a student
 *                   trained alone has no {@code teacher.test-accuracy}): the cell is shown empty. Only a metric
 *                   column's cell can be unrecorded; a table's own metric must be in every run
 */
public record Cell(CellPlan plan, String row, String column, String descriptor, String experiment, String hash,
        List<Long> seeds, List<RunRecord> runs, List<StaleRun> olderRuns, List<DamagedRun> damaged, CellValue value,
        boolean recorded) {

    public Cell {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(hash, "hash");
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
        olderRuns = List.copyOf(olderRuns);
        damaged = List.copyOf(damaged);
        Objects.requireNonNull(value, "value");
        if (recorded && value.n() != runs.size()) {
            throw new IllegalArgumentException("a cell has one value per run: " + value.n() + " values, "
                    + runs.size() + " runs");
        }
        if (!recorded && (runs.isEmpty() || value.n() != 0)) {
            throw new IllegalArgumentException("a cell whose metric is not recorded has runs and no values: "
                    + value.n() + " values, " + runs.size() + " runs");
        }
    }

    /** A cell whose runs record its metric, one value per run, and none damaged. */
    public Cell(CellPlan plan, String row, String column, String descriptor, String experiment, String hash,
            List<Long> seeds, List<RunRecord> runs, List<StaleRun> olderRuns, CellValue value) {
        this(plan, row, column, descriptor, experiment, hash, seeds, runs, olderRuns, List.of(), value, true);
    }

    public String hash12() {
        return hash.substring(0, 12);
    }

    /**
     * Complete when every seed has a run. An incomplete cell is damaged when one of its finished runs cannot be
     * read, else stale when older versions of its variant have runs
     * (the descriptor changed after they ran), else partial or missing. Older runs beside a complete cell are
     * superseded, not stale: the cell is exactly what the descriptor describes now.
     */
    public CellStatus status() {
        if (runs.size() == seeds.size()) {
            return CellStatus.COMPLETE;
        }
        if (!damaged.isEmpty()) {
            return CellStatus.DAMAGED;
        }
        if (!olderRuns.isEmpty()) {
            return CellStatus.STALE;
        }
        return runs.isEmpty() ? CellStatus.MISSING : CellStatus.PARTIAL;
    }

    /**
     * The runs of the value that were made from uncommitted code ({@code dirty} in their provenance): the repository
     * alone does not reproduce them.
     */
    public List<RunRecord> dirtyRuns() {
        return runs.stream().filter(run -> run.provenance().dirty()).toList();
    }

    /** Where the cell sits, for messages: the row's label and the column's header. */
    public String location() {
        return "'" + row + "'" + (column.isEmpty() ? "" : " " + column);
    }
}
