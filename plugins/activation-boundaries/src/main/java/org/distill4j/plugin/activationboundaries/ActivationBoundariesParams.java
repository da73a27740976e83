package org.distill4j.plugin.activationboundaries;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of {@code ab}. Defaults are the authors' code's (bhheo/AB_distillation {@code cifar10_AB_distillation.py}):
 * margin 1, pair weights halving from the last pair back (1/4, 1/2, 1 for three pairs), overall weight 1 on
 * {@code 3/1000} of the loss; RepDistiller ({@code distiller_zoo/AB.py}) uses the same values.
 */
public record ActivationBoundariesParams(
        @Parameter(description = "student and teacher pre-activation feature maps, shallow to deep, e.g."
                + " [{student: stage2.block1.bn1, teacher: stage2.block1.bn1}, {student: bn, teacher: bn}];"
                + " equal heights and widths, a connector maps the student's channels to the teacher's")
        List<ActivationBoundariesPair> pairs,
        @Parameter(description = "weight of each pair, in the order of pairs; 2^(i - n) for pair i of n when left"
                + " out (the deepest 1, the one before 1/2, ...: the references' weights)",
                defaultValue = Parameter.ABSENT)
        @Range(min = 0, minExclusive = true) List<Double> weights,
        @Parameter(description = "margin m of the hinge: the student's pre-activation should be >= m where the"
                + " teacher's is > 0 and <= -m where it is <= 0", defaultValue = "1")
        @Range(min = 0, minExclusive = true) double margin,
        @Parameter(description = "weight beta of the whole loss, beta * 3/1000 * sum_i w_i * (1/B) * sum of the"
                + " squared hinges (both references train with beta 1)", defaultValue = "1")
        @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "connector initialisation: code (1x1 conv without bias, N(0, 2/C_t), the"
                + " authors' code) or repdistiller (PyTorch's default conv initialisation, variance 1/(3 C_s))",
                defaultValue = "code") ActivationBoundariesMode mode) {

    public ActivationBoundariesParams {
        pairs = checkPairs(pairs);
        weights = weights == null ? halving(pairs.size()) : checkWeights(weights, pairs.size());
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and > 0 (the references use 1), got " + margin);
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0 (the references use 1), got " + beta);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must be code or repdistiller, got nothing");
        }
    }

    /** The given pairs with the references' weights, margin, beta and the authors' connector. */
    public ActivationBoundariesParams(List<ActivationBoundariesPair> pairs) {
        this(pairs, null, 1.0, 1.0, ActivationBoundariesMode.CODE);
    }

    /** The references' pair weights {@code 2^(i - n)} for pair i = 1..n: the deepest pair counts most. */
    static List<Double> halving(int pairs) {
        List<Double> weights = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            weights.add(Math.pow(2, i - pairs));
        }
        return List.copyOf(weights);
    }

    private static List<ActivationBoundariesPair> checkPairs(List<ActivationBoundariesPair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("pairs needs at least one {student: <vertex>, teacher: <vertex>} of"
                    + " pre-activation feature maps, e.g. {student: stage2.block1.bn1, teacher: stage2.block1.bn1}");
        }
        Set<ActivationBoundariesPair> seen = new HashSet<>();
        for (ActivationBoundariesPair pair : pairs) {
            if (!seen.add(pair)) {
                throw new IllegalArgumentException("pair " + pair + " is listed twice");
            }
        }
        return List.copyOf(pairs);
    }

    private static List<Double> checkWeights(List<Double> weights, int pairs) {
        if (weights.size() != pairs) {
            throw new IllegalArgumentException("weights gives " + weights.size() + " values for " + pairs
                    + " pairs; give one weight per pair, in the order of pairs, or leave weights out for 2^(i - n)");
        }
        for (Double weight : weights) {
            if (weight == null || !(weight > 0) || weight.isInfinite()) {
                throw new IllegalArgumentException("weights must be finite and > 0, got " + weights);
            }
        }
        return List.copyOf(weights);
    }
}
