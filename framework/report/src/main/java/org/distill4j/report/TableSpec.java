package org.distill4j.report;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A table spec as written in {@code experiments/<paper>/tables/<table>.yaml}: which descriptors make the rows, which
 * parameter values make the columns, which metric fills the cells and how seeds are combined. Bound strictly by the
 * kernel's {@link org.distill4j.kernel.parameters.ParameterBinder}; framework/report/README.md documents every key.
 */
public record TableSpec(
        @Parameter(description = "the table's id; its output files are named after it ('/' becomes '-')")
        TableId table,
        @Parameter(description = "the caption printed above the table")
        String title,
        @Parameter(description = "a dotted path into each run's metrics.json, e.g. test-accuracy; or into its"
                + " provenance.json after provenance., e.g. provenance.recovery-seconds (times)")
        MetricPath metric,
        @Parameter(description = "every value is multiplied by this (100 gives percent)", defaultValue = "1")
        @Range(min = 0, minExclusive = true)
        double scale,
        @Parameter(description = "how a cell combines its runs: mean-std, median, best or all", defaultValue = "mean-std")
        Aggregation aggregation,
        @Parameter(description = "a java.util.Formatter pattern for one number (Locale.ROOT)", defaultValue = "'%.2f'")
        ValueFormat format,
        @Parameter(description = "the rows, each a descriptor")
        List<RowSpec> rows,
        @Parameter(description = "one column per value of a descriptor parameter", defaultValue = Parameter.ABSENT)
        ColumnSpec columns,
        @Parameter(description = "one column per metric of the same runs: [{label, metric, scale, format}], scale and"
                + " format defaulting to the table's; instead of 'columns'", defaultValue = "[]")
        List<MetricColumn> metricColumns,
        @Parameter(description = "plots to draw beside the table", defaultValue = "[]")
        List<PlotSpec> plots,
        @Parameter(description = "the label of a row every other cell is compared with, seed by seed, in the same"
                + " column: the mean difference and its 95% confidence interval (Student's t)",
                defaultValue = Parameter.ABSENT)
        String baseline,
        @Parameter(description = "free text printed under the table", defaultValue = "''")
        String notes) {

    public TableSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(format, "format");
        rows = List.copyOf(rows);
        metricColumns = List.copyOf(metricColumns);
        plots = List.copyOf(plots);
        Objects.requireNonNull(notes, "notes");
    }

    /** The metric of a cell: its metric column's, or the table's. */
    public MetricPath metric(OptionalInt column) {
        return column.isPresent() && !metricColumns.isEmpty() ? metricColumns.get(column.getAsInt()).metric() : metric;
    }

    /** The scale of a cell's values: its metric column's own, or the table's. */
    public double scale(OptionalInt column) {
        return metricColumn(column).map(MetricColumn::scale).orElse(scale);
    }

    /** The format of a cell's numbers: its metric column's own, or the table's. */
    public ValueFormat format(OptionalInt column) {
        return metricColumn(column).map(MetricColumn::format).orElse(format);
    }

    /**
     * Whether some metric column scales its values other than by the table's scale, so that "metric × scale" must be
     * said column by column.
     */
    public boolean hasColumnScales() {
        return metricColumns.stream().anyMatch(column -> column.hasOwnScale() && column.scale() != scale);
    }

    private Optional<MetricColumn> metricColumn(OptionalInt column) {
        return column.isPresent() && !metricColumns.isEmpty()
                ? Optional.of(metricColumns.get(column.getAsInt()))
                : Optional.empty();
    }

    /** The row every other cell is compared with, if the table names one. */
    public Optional<String> baselineRow() {
        return Optional.ofNullable(baseline);
    }

    /** The parameter columns, when the table has them; without, each row has a single value. */
    public Optional<ColumnSpec> columnSpec() {
        return Optional.ofNullable(columns);
    }
}
