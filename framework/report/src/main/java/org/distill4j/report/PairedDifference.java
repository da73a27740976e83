package org.distill4j.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A cell against the table's baseline cell in the same column: the mean over the seeds both have of the difference
 * (cell minus baseline, seed by seed), and the half-width of its 95% confidence interval, Student's t with n - 1
 * degrees of freedom times the standard error of the differences. Pairing by seed removes what a seed does to both
 * (its split, its initialisation) from the interval.
 *
 * @param mean      the mean difference
 * @param halfWidth the interval's half-width; empty with one pair
 * @param pairs     how many seeds both cells have
 */
public record PairedDifference(double mean, OptionalDouble halfWidth, int pairs) {

    static final double CONFIDENCE = 0.95;

    public PairedDifference {
        Objects.requireNonNull(halfWidth, "halfWidth");
        if (pairs < 1) {
            throw new IllegalArgumentException("a paired difference needs at least one pair, got " + pairs);
        }
    }

    /** The difference, or empty when the two cells share no seed with a value. */
    static Optional<PairedDifference> of(Cell cell, Cell baseline) {
        Map<Long, Double> base = valuesBySeed(baseline);
        List<Double> differences = new ArrayList<>();
        valuesBySeed(cell).forEach((seed, value) -> {
            if (base.containsKey(seed)) {
                differences.add(value - base.get(seed));
            }
        });
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        double mean = Statistics.mean(differences);
        if (differences.size() < 2) {
            return Optional.of(new PairedDifference(mean, OptionalDouble.empty(), 1));
        }
        double standardError = Statistics.sampleStandardDeviation(differences) / Math.sqrt(differences.size());
        double quantile = StudentT.twoSidedQuantile(CONFIDENCE, differences.size() - 1);
        return Optional.of(new PairedDifference(mean, OptionalDouble.of(quantile * standardError),
                differences.size()));
    }

    // A cell's values follow its runs, one each, in seed order (Cell's invariant); insertion order is kept so the
    // differences are summed in the seeds' order whatever the map.
    private static Map<Long, Double> valuesBySeed(Cell cell) {
        Map<Long, Double> values = new LinkedHashMap<>();
        if (!cell.recorded()) {
            return values;
        }
        for (int i = 0; i < cell.runs().size(); i++) {
            values.put(cell.runs().get(i).seed(), cell.value().values().get(i));
        }
        return values;
    }
}
