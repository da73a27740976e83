package org.distill4j.report;

import java.util.Objects;

/**
 * A plot drawn as PNG.
 *
 * @param fileName the file name beside the table's other outputs: {@code <table>-<index>-<type>.png}, index from 1
 * @param title    the plot's title
 * @param png      the PNG bytes (a copy is returned, so the record stays unchanged)
 */
public record RenderedPlot(String fileName, String title, byte[] png) {

    public RenderedPlot {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(title, "title");
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
