package org.distill4j.datasets.images;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How 8-bit pixels become floats: {@code value = (pixel / 255 - mean[c]) / standardDeviation[c]} for channel
 * {@code c}. A mean of 0 and deviation of 1 leaves pixels in [0, 1].
 */
public record PixelScaling(List<Double> means, List<Double> standardDeviations) {

    public PixelScaling {
        means = List.copyOf(means);
        standardDeviations = List.copyOf(standardDeviations);
        if (means.isEmpty() || means.size() != standardDeviations.size()) {
            throw new IllegalArgumentException("need one mean and one standard deviation per channel, got "
                    + means.size() + " means and " + standardDeviations.size() + " standard deviations");
        }
        for (double deviation : standardDeviations) {
            if (!(deviation > 0)) {
                throw new IllegalArgumentException("standard deviations must be > 0, got " + standardDeviations);
            }
        }
    }

    /** Pixels divided by 255, in [0, 1]. */
    public static PixelScaling unitInterval(int channels) {
        return new PixelScaling(Collections.nCopies(channels, 0.0), Collections.nCopies(channels, 1.0));
    }

    public int channels() {
        return means.size();
    }

    /** For each channel, the float every byte value maps to (a table is faster than arithmetic per pixel). */
    float[][] lookupTables() {
        float[][] tables = new float[channels()][256];
        for (int channel = 0; channel < channels(); channel++) {
            double mean = means.get(channel);
            double deviation = standardDeviations.get(channel);
            for (int value = 0; value < 256; value++) {
                tables[channel][value] = (float) ((value / 255.0 - mean) / deviation);
            }
        }
        return tables;
    }
}
