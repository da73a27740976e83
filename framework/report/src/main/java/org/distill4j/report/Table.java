package org.distill4j.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A built table: its spec, the profile it was built for, and every cell with its runs.
 *
 * @param spec        the spec file
 * @param profile     the profile applied to every descriptor, empty for none
 * @param specPath    the spec, relative to the project root, '/'-separated
 * @param resultsPath the results root, relative to the project root, '/'-separated
 * @param columns     the column headers; empty for a table without columns (a single value column)
 * @param rows        the rows, in the spec's order
 */
public record Table(TableSpecFile spec, String profile, String specPath, String resultsPath, List<String> columns,
        List<TableRow> rows) {

    public Table {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(specPath, "specPath");
        Objects.requireNonNull(resultsPath, "resultsPath");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public TableSpec definition() {
        return spec.spec();
    }

    /** The base name of the output files. */
    public String fileBaseName() {
        return definition().table().fileBaseName();
    }

    /** How many value columns the table shows: one per column value, or one for a table without columns. */
    public int valueColumnCount() {
        return columns.isEmpty() ? 1 : columns.size();
    }

    /** The header of a value column; a table without columns names its one column after the metric. */
    public String valueColumnHeader(int column) {
        return columns.isEmpty() ? definition().metric().text() : columns.get(column);
    }

    /** Every cell, row by row (a fixed row's cell once). */
    public List<Cell> cells() {
        return rows.stream().flatMap(row -> row.cells().stream()).toList();
    }

    /** The cells that are not complete: what {@code --strict} refuses. */
    public List<Cell> incompleteCells() {
        return cells().stream().filter(cell -> cell.status() != CellStatus.COMPLETE).toList();
    }

    /**
     * The cell against the baseline row's cell of the same column (its one cell when it is fixed): empty without a
     * baseline, for the baseline's own cells, and when the two cells share no seed with a value.
     */
    public Optional<PairedDifference> difference(Cell cell) {
        Optional<TableRow> baseline = definition().baselineRow()
                .flatMap(label -> rows.stream().filter(row -> row.label().equals(label)).findFirst());
        if (baseline.isEmpty() || baseline.get().label().equals(cell.row())) {
            return Optional.empty();
        }
        int column = cell.plan().column().orElse(0);
        return PairedDifference.of(cell, baseline.get().cellInColumn(column));
    }

    /** Whether any row gives the paper's value, which adds a "paper (reported)" column. */
    public boolean hasPaperColumn() {
        return rows.stream().anyMatch(row -> row.paper().isPresent());
    }
}
