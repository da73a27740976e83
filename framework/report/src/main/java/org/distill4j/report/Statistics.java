package org.distill4j.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The statistics of a cell's values (one per run). Every method needs at least one value. */
final class Statistics {

    static double mean(List<Double> values) {
        requireValues(values, 1);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    /** The sample standard deviation, with n - 1 in the denominator (seeds are a sample of all seeds). */
    static double sampleStandardDeviation(List<Double> values) {
        requireValues(values, 2);
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.size() - 1));
    }

    /** The middle value, or the mean of the two middle values for an even count. */
    static double median(List<Double> values) {
        requireValues(values, 1);
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double max(List<Double> values) {
        requireValues(values, 1);
        return Collections.max(values);
    }

    private static void requireValues(List<Double> values, int least) {
        if (values.size() < least) {
            throw new IllegalArgumentException("needs at least " + least + " value(s), got " + values.size());
        }
    }

    private Statistics() {
    }
}
