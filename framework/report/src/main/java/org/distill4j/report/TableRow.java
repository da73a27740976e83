package org.distill4j.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of a built table.
 *
 * @param label the row's label
 * @param paper the value the paper reports, if the spec gives one
 * @param fixed whether the row has one cell shown in every column
 * @param cells one per column, or one for a fixed row or a table without columns
 */
public record TableRow(String label, Optional<String> paper, boolean fixed, List<Cell> cells) {

    public TableRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(paper, "paper");
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("row '" + label + "' has no cells");
        }
    }

    /** The cell shown in a column: a fixed row shows its one cell everywhere. */
    public Cell cellInColumn(int column) {
        return cells.size() == 1 ? cells.get(0) : cells.get(column);
    }
}
