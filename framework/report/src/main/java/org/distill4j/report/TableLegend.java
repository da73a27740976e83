package org.distill4j.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The lines under a table that say what its values are and what its marks mean. A mark's line appears only when
 * the table has such a cell, so a complete table carries no legend for problems it does not have.
 */
final class TableLegend {

    static List<String> lines(Table table) {
        List<String> lines = new ArrayList<>();
        lines.add("Values: " + valueDescription(table) + "; n is the number of finished runs of the descriptor as it"
                + " is now (\"n=1 of 3\": fewer runs than its seeds).");
        List<CellStatus> statuses = table.cells().stream().map(Cell::status).toList();
        if (table.cells().stream().anyMatch(cell -> cell.runs().isEmpty())) {
            lines.add("— (missing): no finished run of the descriptor as it is now; train it with scripts/distill4j run"
                    + " (or a sweep), then regenerate the table.");
        }
        List<String> unrecorded = table.cells().stream().filter(cell -> !cell.recorded())
                .map(cell -> table.definition().metric(cell.plan().column()).text()).distinct().toList();
        if (!unrecorded.isEmpty()) {
            lines.add(CellText.NOT_RECORDED + ": the cell's runs record no value at its column's metric (here "
                    + String.join(", ", unrecorded) + ").");
        }
        if (statuses.contains(CellStatus.PARTIAL)) {
            lines.add("n=k of N: only k of the descriptor's N seeds have finished; the value is over those k runs.");
        }
        if (statuses.contains(CellStatus.STALE)) {
            lines.add("stale: runs exist for an older version of this descriptor (same profile and overrides, another"
                    + " hash); they are not used. Re-run the cell to replace them.");
        }
        if (table.cells().stream().anyMatch(cell -> !cell.dirtyRuns().isEmpty())) {
            lines.add("k dirty: k of the cell's runs were made from uncommitted code (dirty in their provenance), so the"
                    + " repository alone does not reproduce them; tables --strict refuses them.");
        }
        if (statuses.contains(CellStatus.DAMAGED)) {
            lines.add("damaged: a finished run's records cannot be read (the table's provenance file names it and says"
                    + " why); it is left out. Delete its directory and re-run it.");
        }
        table.definition().baselineRow().ifPresent(baseline -> lines.add("Δ: the mean difference to the row '"
                + baseline + "' in the same column, seed by seed over the seeds both cells have, ± the half-width of its"
                + " 95% confidence interval (Student's t with n − 1 degrees of freedom; no interval with one seed)."));
        if (table.hasPaperColumn()) {
            lines.add("paper (reported): the value published in the paper, copied from it, not measured here.");
        }
        return List.copyOf(lines);
    }

    /**
     * What a cell's number is: {@code test-accuracy × 100, mean ± sample standard deviation over seeds}. When metric
     * columns scale their values differently, each column says its own: {@code per column, accuracy (%) =
     * test-accuracy × 100, weights = student.parameters; mean ± ...}.
     */
    static String valueDescription(Table table) {
        TableSpec spec = table.definition();
        if (!spec.hasColumnScales()) {
            return scaled(spec.metric(), spec.scale()) + ", " + aggregationDescription(spec.aggregation());
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < spec.metricColumns().size(); i++) {
            OptionalInt column = OptionalInt.of(i);
            columns.add(spec.metricColumns().get(i).label() + " = " + scaled(spec.metric(column), spec.scale(column)));
        }
        return "per column, " + String.join(", ", columns) + "; " + aggregationDescription(spec.aggregation());
    }

    private static String scaled(MetricPath metric, double scale) {
        return metric.text() + (scale == 1 ? "" : " × " + number(scale));
    }

    static String aggregationDescription(Aggregation aggregation) {
        switch (aggregation) {
            case MEDIAN:
                return "median over seeds";
            case BEST:
                return "best (largest) value over seeds";
            case ALL:
                return "every seed's value, in the descriptor's seed order";
            default:
                return "mean ± sample standard deviation over seeds (± only with n ≥ 2)";
        }
    }

    /** A number as a person writes it: 100 rather than 100.0, 0.000001 rather than 1.0E-6. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private TableLegend() {
    }
}
