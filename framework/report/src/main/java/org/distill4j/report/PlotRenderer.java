package org.distill4j.report;

import org.distill4j.kernel.parameters.KebabCase;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;

/** Draws a table's plots as PNG, in the order of the spec. */
public final class PlotRenderer {

    /** Every plot of the table, named {@code <table>-<index>-<type>.png} with the index counted from 1. */
    public List<RenderedPlot> render(Table table) {
        List<RenderedPlot> plots = new ArrayList<>();
        List<PlotSpec> specs = table.definition().plots();
        for (int i = 0; i < specs.size(); i++) {
            PlotSpec plot = specs.get(i);
            String title = plot.title().isBlank() ? table.definition().title() : plot.title();
            XYChart chart = plot.type() == PlotType.EPOCHS
                    ? EpochsChart.build(table, plot, title)
                    : ParameterChart.build(table, plot, title);
            String fileName = table.fileBaseName() + "-" + (i + 1) + "-" + KebabCase.of(plot.type()) + ".png";
            plots.add(new RenderedPlot(fileName, title, ChartStyle.png(chart)));
        }
        return List.copyOf(plots);
    }
}
