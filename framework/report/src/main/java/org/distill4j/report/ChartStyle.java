package org.distill4j.report;

import org.distill4j.kernel.files.FileErrors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The look every plot shares: a fixed size, white background, the legend below the plot, and series colors taken
 * in order from a fixed palette, so that the same table always gives the same picture.
 */
final class ChartStyle {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    /** The note on a plot without any finished run. */
    static final String EMPTY = "no finished runs yet: train the table's cells, then regenerate it";

    // Tableau 10: distinguishable, and readable in grey-scale print by lightness.
    private static final List<Color> PALETTE = List.of(new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
            new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC));

    static {
        // Tables are written on servers and in CI: never open a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static XYChart chart(String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        XYStyler styler = chart.getStyler();
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(0xE0E0E0));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setMarkerSize(6);
        styler.setErrorBarsColorSeriesColor(true);
        return chart;
    }

    /** Colors a series by its position, with a solid line and round markers. */
    static void solid(XYSeries series, int index, boolean markers) {
        Color color = PALETTE.get(index % PALETTE.size());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(new BasicStroke(2f));
        series.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    /** A reference line (a fixed row): dashed, no markers. */
    static void dashed(XYSeries series, int index) {
        Color color = PALETTE.get(index % PALETTE.size());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        series.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Writes in the middle of a plot that has no series why it is empty, so that a plot made before the runs
     * finished does not read as a plot of zeros.
     */
    static void explainEmpty(XYChart chart) {
        if (chart.getSeriesMap().isEmpty()) {
            chart.addAnnotation(new AnnotationText(EMPTY, WIDTH / 2.0, HEIGHT / 2.0, true));
        }
    }

    static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the plot '" + chart.getTitle() + "' as PNG: "
                    + FileErrors.describe(e), e);
        }
    }

    /** The y-axis title of a scaled metric: {@code test-accuracy × 100}. */
    static String axisTitle(MetricPath metric, double scale) {
        return metric.text() + (scale == 1 ? "" : " × " + TableLegend.number(scale));
    }

    private ChartStyle() {
    }
}
