package org.distill4j.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The values of a cell's runs, scaled, in the descriptor's seed order, and how the table combines them.
 *
 * @param aggregation how the values are combined
 * @param values      one per finished run of the current descriptor; empty for a missing cell
 */
public record CellValue(Aggregation aggregation, List<Double> values) {

    public CellValue {
        Objects.requireNonNull(aggregation, "aggregation");
        values = List.copyOf(values);
    }

    public int n() {
        return values.size();
    }

    /**
     * The one number that stands for the cell (mean, median or best; the mean for {@code all}, where the table
     * shows every value but a plot needs one), or empty when there are no runs.
     */
    public OptionalDouble center() {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        switch (aggregation) {
            case MEDIAN:
                return OptionalDouble.of(Statistics.median(values));
            case BEST:
                return OptionalDouble.of(Statistics.max(values));
            default:
                return OptionalDouble.of(Statistics.mean(values));
        }
    }

    /** The sample standard deviation, for {@code mean-std} with two runs or more. */
    public OptionalDouble deviation() {
        return aggregation == Aggregation.MEAN_STD && values.size() >= 2
                ? OptionalDouble.of(Statistics.sampleStandardDeviation(values))
                : OptionalDouble.empty();
    }

    /** The sample standard deviation whatever the aggregation, for error bars; empty with fewer than two runs. */
    public OptionalDouble spread() {
        return values.size() >= 2 ? OptionalDouble.of(Statistics.sampleStandardDeviation(values)) : OptionalDouble.empty();
    }
}
