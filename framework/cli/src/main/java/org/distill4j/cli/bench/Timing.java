package org.distill4j.cli.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The wall times of the timed steps of one workload, in milliseconds. The median is what the benchmark reports: one
 * garbage collection or a neighbour's burst on a shared machine moves a mean, not a median.
 */
public record Timing(int warmup, List<Double> milliseconds) {

    public Timing {
        milliseconds = List.copyOf(milliseconds);
        if (milliseconds.isEmpty()) {
            throw new IllegalArgumentException("a timing needs at least one timed step");
        }
    }

    double medianMilliseconds() {
        return median(milliseconds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Images per second at the median step time. */
    double imagesPerSecond(int batch) {
        return batch / (medianMilliseconds() / 1000);
    }

    int steps() {
        return milliseconds.size();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
