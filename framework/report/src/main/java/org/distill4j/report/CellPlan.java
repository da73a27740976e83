package org.distill4j.report;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where a cell sits in its table and which experiment fills it.
 *
 * @param row     the row's index in the spec
 * @param column  the column's index, or empty for a row's only cell (a table without columns, or a fixed row whose
 *                one value is shown in every column)
 * @param variant the experiment whose runs fill the cell
 */
public record CellPlan(int row, OptionalInt column, TableVariant variant) {

    public CellPlan {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(variant, "variant");
    }
}
