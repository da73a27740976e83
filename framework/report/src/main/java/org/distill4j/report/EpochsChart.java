package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * A per-epoch history metric ({@code history.<metric>} in metrics.json) against the epoch: one line per cell with
 * finished runs, the mean over its runs at each epoch. Per-seed lines are left out: with several rows they would
 * hide the comparison the plot is for; the table and its provenance carry the per-seed detail.
 */
final class EpochsChart {

    static XYChart build(Table table, PlotSpec plot, String title) {
        MetricPath metric = plot.ownMetric().orElse(table.definition().metric());
        MetricPath history = metric.below("history");
        double scale = table.definition().scale();
        XYChart chart = ChartStyle.chart(title, "epoch", ChartStyle.axisTitle(metric, scale));
        boolean anyRun = false;
        boolean anyHistory = false;
        int index = 0;
        for (Cell cell : table.cells()) {
            anyRun |= !cell.runs().isEmpty();
            List<double[]> perRun = new ArrayList<>();
            for (RunRecord run : cell.runs()) {
                history.find(run.metrics()).filter(JsonNode::isArray).ifPresent(values -> perRun.add(numbers(values)));
            }
            anyHistory |= !perRun.isEmpty();
            List<Double> epochs = new ArrayList<>();
            List<Double> means = new ArrayList<>();
            int longest = perRun.stream().mapToInt(values -> values.length).max().orElse(0);
            for (int epoch = 0; epoch < longest; epoch++) {
                double sum = 0;
                int count = 0;
                for (double[] values : perRun) {
                    if (epoch < values.length && Double.isFinite(values[epoch])) {
                        sum += values[epoch];
                        count++;
                    }
                }
                if (count > 0) {
                    epochs.add(epoch + 1.0);
                    means.add(sum / count * scale);
                }
            }
            if (!epochs.isEmpty()) {
                String name = cell.row() + (cell.column().isEmpty() ? "" : ", " + cell.column())
                        + " (n=" + perRun.size() + ")";
                XYSeries series = chart.addSeries(name, epochs, means);
                ChartStyle.solid(series, index, epochs.size() <= 30);
            }
            index++;
        }
        if (anyRun && !anyHistory) {
            throw new IllegalStateException("plot '" + title + "' of table " + table.definition().table() + ": no run"
                    + " has a per-epoch list at '" + history + "' in metrics.json; an epochs plot's metric is a key of"
                    + " history, such as test-accuracy, validation-accuracy or train-loss");
        }
        ChartStyle.explainEmpty(chart);
        return chart;
    }

    // null (a value not measured that epoch) and non-numbers become NaN, which the mean skips.
    private static double[] numbers(JsonNode list) {
        double[] values = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            JsonNode value = list.get(i);
            values[i] = value.isNumber() ? value.doubleValue() : Double.NaN;
        }
        return values;
    }

    private EpochsChart() {
    }
}
