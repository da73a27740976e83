package org.distill4j.plugin.fsp;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of {@code fsp}. Defaults are RepDistiller's: the mean reduction and equal weights (which the paper uses
 * too).
 */
public record FspParams(
        @Parameter(description = "FSP matrix positions, e.g. [{student: [stem.relu, stage1.output]}, {student:"
                + " [stage1.output, stage2.output], teacher: [stage1.output, stage2.output]}]; teacher defaults to"
                + " the student's names, and the larger map of a pair is average-pooled to the smaller")
        List<FspPair> pairs,
        @Parameter(description = "weight lambda_i of each pair, in the order of pairs; all 1 when left out (the"
                + " paper's equal weights)", defaultValue = Parameter.ABSENT)
        @Range(min = 0, minExclusive = true) List<Double> weights,
        @Parameter(description = "reduction: code (mean squared difference of the matrices, RepDistiller) or paper"
                + " (squared Frobenius norm per sample, mean over the batch)", defaultValue = "code") FspMode mode) {

    public FspParams {
        pairs = checkPairs(pairs);
        weights = weights == null ? Collections.nCopies(pairs.size(), 1.0) : checkWeights(weights, pairs.size());
        if (mode == null) {
            throw new IllegalArgumentException("mode must be code or paper, got nothing");
        }
    }

    /** The given pairs with equal weights and RepDistiller's reduction. */
    public FspParams(List<FspPair> pairs) {
        this(pairs, null, FspMode.CODE);
    }

    private static List<FspPair> checkPairs(List<FspPair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("pairs needs at least one {student: [first, second]}, e.g."
                    + " {student: [stem.relu, stage1.output]}");
        }
        Set<FspPair> seen = new HashSet<>();
        for (FspPair pair : pairs) {
            if (!seen.add(pair)) {
                throw new IllegalArgumentException("pair " + pair + " is listed twice");
            }
        }
        return List.copyOf(pairs);
    }

    private static List<Double> checkWeights(List<Double> weights, int pairs) {
        if (weights.size() != pairs) {
            throw new IllegalArgumentException("weights gives " + weights.size() + " values for " + pairs
                    + " pairs; give one weight per pair, in the order of pairs, or leave weights out for all 1");
        }
        for (Double weight : weights) {
            if (weight == null || !(weight > 0) || weight.isInfinite()) {
                throw new IllegalArgumentException("weights must be finite and > 0, got " + weights);
            }
        }
        return List.copyOf(weights);
    }
}
