package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The table's metric (or the plot's own) against the column value: one line per row that varies with the columns,
 * with error bars of one sample standard deviation where a cell has two runs or more, and each fixed row (a
 * baseline such as the teacher) as a dashed horizontal line. Non-numeric column values are placed 1, 2, 3, ... and
 * labelled with their text.
 */
final class ParameterChart {

    static XYChart build(Table table, PlotSpec plot, String title) {
        TableSpec spec = table.definition();
        ColumnSpec columns = spec.columnSpec().orElseThrow(() -> new IllegalStateException(
                "a parameter plot needs columns; the table spec check should have refused " + spec.table()));
        MetricPath metric = plot.ownMetric().orElse(spec.metric());
        List<Double> positions = positions(columns.values());
        XYChart chart = ChartStyle.chart(title, columns.shownLabel(), ChartStyle.axisTitle(metric, spec.scale()));
        if (!allNumbers(columns.values())) {
            chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> label(columns.values(), x));
        }
        double low = positions.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = positions.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int index = 0;
        for (TableRow row : table.rows()) {
            if (row.fixed()) {
                OptionalDouble value = value(row.cells().get(0), metric, table);
                if (value.isPresent()) {
                    XYSeries series = chart.addSeries(row.label(), List.of(low, high),
                            List.of(value.getAsDouble(), value.getAsDouble()));
                    ChartStyle.dashed(series, index);
                }
                index++;
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> bars = new ArrayList<>();
            for (int column = 0; column < row.cells().size(); column++) {
                Cell cell = row.cells().get(column);
                OptionalDouble value = value(cell, metric, table);
                if (value.isPresent()) {
                    xs.add(positions.get(column));
                    ys.add(value.getAsDouble());
                    bars.add(values(cell, metric, table).spread().orElse(0));
                }
            }
            if (!xs.isEmpty()) {
                ChartStyle.solid(chart.addSeries(row.label(), xs, ys, bars), index, true);
            }
            index++;
        }
        ChartStyle.explainEmpty(chart);
        return chart;
    }

    private static OptionalDouble value(Cell cell, MetricPath metric, Table table) {
        return values(cell, metric, table).center();
    }

    // The table's metric is already in the cell; another metric is read from the same runs and scaled alike.
    private static CellValue values(Cell cell, MetricPath metric, Table table) {
        if (metric.equals(table.definition().metric())) {
            return cell.value();
        }
        List<Double> values = cell.runs().stream()
                .map(run -> ResultsReader.number(run, metric, table.resultsPath()) * table.definition().scale())
                .toList();
        return new CellValue(table.definition().aggregation(), values);
    }

    private static List<Double> positions(List<JsonNode> values) {
        List<Double> positions = new ArrayList<>();
        boolean numbers = allNumbers(values);
        for (int i = 0; i < values.size(); i++) {
            positions.add(numbers ? values.get(i).doubleValue() : i + 1.0);
        }
        return positions;
    }

    private static boolean allNumbers(List<JsonNode> values) {
        return values.stream().allMatch(JsonNode::isNumber);
    }

    // Tick marks fall between positions too; only whole positions name a column.
    private static String label(List<JsonNode> values, double position) {
        long whole = Math.round(position);
        boolean onColumn = Math.abs(position - whole) < 1e-9 && whole >= 1 && whole <= values.size();
        return onColumn ? ColumnSpec.text(values.get((int) whole - 1)) : "";
    }

    private ParameterChart() {
    }
}
