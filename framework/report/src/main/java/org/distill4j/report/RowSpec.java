package org.distill4j.report;

import org.distill4j.api.Parameter;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a table spec.
 *
 * @param label      the row's label, first cell of the row
 * @param experiment the row's descriptor, absolute once bound (written relative to the spec's directory)
 * @param paper      the value the paper reports, shown in a separate column; null when not given
 * @param parameter  the override path this row sets to each column value, when it differs from the columns';
 *                   null to use {@link ColumnSpec#parameter()}
 * @param fixed      whether the row does not vary with the columns: its one value is shown in every column
 */
public record RowSpec(
        @Parameter(description = "the row's label")
        String label,
        @Parameter(description = "the row's descriptor, relative to the table spec", path = true)
        String experiment,
        @Parameter(description = "the value the paper reports, printed in a column of its own",
                defaultValue = Parameter.ABSENT)
        String paper,
        @Parameter(description = "this row's path for the column values (default: columns.parameter)",
                defaultValue = Parameter.ABSENT)
        String parameter,
        @Parameter(description = "true when the row does not vary with the columns", defaultValue = "false")
        boolean fixed) {

    public RowSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(experiment, "experiment");
        if (fixed && parameter != null) {
            throw new IllegalArgumentException("a fixed row does not vary with the columns, so it has no 'parameter';"
                    + " remove one of 'fixed: true' and 'parameter'");
        }
    }

    public Optional<String> paperValue() {
        return Optional.ofNullable(paper);
    }

    public Optional<String> ownParameter() {
        return Optional.ofNullable(parameter);
    }
}
