package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.DescriptorOverride;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a table spec that span keys, checked once every key has bound: rows and column values present and
 * distinct, override paths well formed, row descriptors existing, plots that can be drawn.
 */
final class TableSpecChecks {

    static List<Problem> check(TableSpec spec, Path specDirectory) {
        List<Problem> problems = new ArrayList<>();
        if (spec.title().isBlank()) {
            problems.add(new Problem("title", "the title is empty; give the caption printed above the table"));
        }
        problems.addAll(rows(spec, specDirectory));
        spec.columnSpec().ifPresent(columns -> problems.addAll(columns(columns)));
        problems.addAll(metricColumns(spec));
        problems.addAll(plots(spec));
        return List.copyOf(problems);
    }

    private static List<Problem> rows(TableSpec spec, Path specDirectory) {
        List<Problem> problems = new ArrayList<>();
        if (spec.rows().isEmpty()) {
            problems.add(new Problem("rows", "the table has no rows; list at least one {label, experiment}"));
        }
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < spec.rows().size(); i++) {
            RowSpec row = spec.rows().get(i);
            String at = "rows[" + i + "]";
            if (row.label().isBlank()) {
                problems.add(new Problem(at + ".label", "the label is empty; it is the row's first cell"));
            } else {
                Integer earlier = labels.putIfAbsent(row.label(), i);
                if (earlier != null) {
                    problems.add(new Problem(at + ".label", "label '" + row.label() + "' is also the label of rows["
                            + earlier + "]; rows need distinct labels"));
                }
            }
            missingDescriptor(row, i, specDirectory).ifPresent(problems::add);
            if (spec.columnSpec().isEmpty() && spec.metricColumns().isEmpty() && row.fixed()) {
                problems.add(new Problem(at + ".fixed", "only a table with columns has fixed rows; remove 'fixed'"
                        + " or add columns"));
            }
            if (row.ownParameter().isPresent()) {
                if (spec.columnSpec().isEmpty()) {
                    problems.add(new Problem(at + ".parameter", "only a table with columns sets a parameter per"
                            + " column; remove 'parameter' or add columns"));
                } else {
                    overridePathProblem(row.parameter()).ifPresent(message ->
                            problems.add(new Problem(at + ".parameter", message)));
                }
            }
        }
        spec.baselineRow().filter(baseline -> !labels.containsKey(baseline)).ifPresent(baseline ->
                problems.add(new Problem("baseline", "no row is labelled '" + baseline + "'; name one of the rows: "
                        + String.join(", ", spec.rows().stream().map(row -> "'" + row.label() + "'").toList()))));
        return problems;
    }

    /** A problem at {@code rows[index].experiment} when the row's descriptor file does not exist. */
    static Optional<Problem> missingDescriptor(RowSpec row, int index, Path specDirectory) {
        Path descriptor = Path.of(row.experiment());
        if (Files.isRegularFile(descriptor)) {
            return Optional.empty();
        }
        return Optional.of(new Problem("rows[" + index + "].experiment", "no descriptor at " + descriptor
                + " (a row's experiment is relative to the spec's directory, " + specDirectory + ")"));
    }

    private static List<Problem> columns(ColumnSpec columns) {
        List<Problem> problems = new ArrayList<>();
        overridePathProblem(columns.parameter()).ifPresent(message ->
                problems.add(new Problem("columns.parameter", message)));
        if (columns.label() != null && columns.label().isBlank()) {
            problems.add(new Problem("columns.label", "the label is empty; leave it out to show the parameter path"));
        }
        if (columns.values().isEmpty()) {
            problems.add(new Problem("columns.values", "no values; list one value per column, e.g. [2, 4, 8, 20]"));
        }
        Map<JsonNode, Integer> seen = new HashMap<>();
        for (int i = 0; i < columns.values().size(); i++) {
            JsonNode value = columns.values().get(i);
            String at = "columns.values[" + i + "]";
            if (!value.isValueNode()) {
                problems.add(new Problem(at, "expected a number, string or boolean, got "
                        + (value.isObject() ? "a map" : "a list") + "; each value is one column"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(value, i);
            if (earlier != null) {
                problems.add(new Problem(at, ColumnSpec.text(value) + " is also columns.values[" + earlier
                        + "]; each value is one column, so values must be distinct"));
            }
        }
        return problems;
    }

    private static List<Problem> metricColumns(TableSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (spec.metricColumns().isEmpty()) {
            return problems;
        }
        if (spec.columnSpec().isPresent()) {
            problems.add(new Problem("metric-columns", "a table has either 'columns' (values of a descriptor"
                    + " parameter) or 'metric-columns' (metrics of the same runs), not both"));
        }
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < spec.metricColumns().size(); i++) {
            String label = spec.metricColumns().get(i).label();
            if (label.isBlank()) {
                problems.add(new Problem("metric-columns[" + i + "].label", "the label is empty; it is the column's"
                        + " header"));
            } else if (labels.putIfAbsent(label, i) != null) {
                problems.add(new Problem("metric-columns[" + i + "].label", "label '" + label + "' is also the label"
                        + " of metric-columns[" + labels.get(label) + "]; columns need distinct labels"));
            }
        }
        for (int i = 0; i < spec.metricColumns().size(); i++) {
            MetricColumn column = spec.metricColumns().get(i);
            if (column.hasOwnScale() && (column.scale() == 0 || !Double.isFinite(column.scale()))) {
                problems.add(new Problem("metric-columns[" + i + "].scale", "scale " + TableLegend.number(column.scale())
                        + " of " + columnName(column, i)
                        + (column.scale() == 0 ? " would make every value 0" : " is not a finite number")
                        + "; write a finite number other than 0 (1 keeps the metric as recorded, 100 gives percent),"
                        + " or leave 'scale' out to use the table's scale, " + TableLegend.number(spec.scale())));
            }
        }
        for (int i = 0; i < spec.rows().size(); i++) {
            if (spec.rows().get(i).fixed()) {
                problems.add(new Problem("rows[" + i + "].fixed", "every row of a table with metric columns shows"
                        + " each metric; remove 'fixed'"));
            }
        }
        return problems;
    }

    // A column by its label, or by its place when the label is empty (that has its own problem).
    private static String columnName(MetricColumn column, int index) {
        return column.label().isBlank() ? "metric-columns[" + index + "]" : "column '" + column.label() + "'";
    }

    private static List<Problem> plots(TableSpec spec) {
        List<Problem> problems = new ArrayList<>();
        boolean anyVaryingRow = spec.rows().stream().anyMatch(row -> !row.fixed());
        for (int i = 0; i < spec.plots().size(); i++) {
            PlotSpec plot = spec.plots().get(i);
            if (plot.type() != PlotType.PARAMETER) {
                continue;
            }
            if (spec.columnSpec().isEmpty()) {
                problems.add(new Problem("plots[" + i + "].type", "a parameter plot draws the metric against the"
                        + " column values, and this table has no columns; add columns or use type epochs"));
            } else if (!anyVaryingRow) {
                problems.add(new Problem("plots[" + i + "].type", "a parameter plot draws one line per row that varies"
                        + " with the columns, and every row is fixed"));
            }
        }
        return problems;
    }

    // DescriptorOverride owns the rules of override paths; ask it with a placeholder value.
    private static Optional<String> overridePathProblem(String path) {
        try {
            new DescriptorOverride(path, IntNode.valueOf(0));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private TableSpecChecks() {
    }
}
