package org.distill4j.plugin.neuronselectivity;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of {@code nst}. Defaults are the official code's: beta = 50 (TuSimple {@code config/cfgs.py}
 * {@code kt_weight = 50} for {@code mmd}; RepDistiller {@code scripts/run_cifar_distill.sh} {@code -b 50}), the
 * polynomial kernel with d = 2 ({@code mx.symbol.square}; RepDistiller {@code .pow(2)}) and c = 0
 * ({@code mmd_poly(..., 0.0, ...)} in {@code symbol/inception_bn.py}).
 */
public record NeuronSelectivityParams(
        @Parameter(description = "student and teacher feature maps to match, e.g. [{student: stage3.output, teacher:"
                + " stage3.output}]; channel counts may differ, spatial sizes may differ by an integer factor (the"
                + " larger map is average-pooled first)") List<NeuronSelectivityPair> pairs,
        @Parameter(description = "weight beta (lambda) of the MMD term, summed over pairs", defaultValue = "50")
        @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "degree d of the polynomial kernel (x.y + c)^d; 1 with c = 0 is the linear kernel",
                defaultValue = "2") @Range(min = 1) int degree,
        @Parameter(description = "constant c of the polynomial kernel (x.y + c)^d", defaultValue = "0")
        @Range(min = 0) double constant,
        @Parameter(description = "factor: code (beta * MMD^2, the official code) or paper (beta/2 * MMD^2)",
                defaultValue = "code") NeuronSelectivityMode mode) {

    public NeuronSelectivityParams {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("pairs needs at least one {student: <vertex>, teacher: <vertex>}");
        }
        Set<NeuronSelectivityPair> seen = new HashSet<>();
        for (NeuronSelectivityPair pair : pairs) {
            if (!seen.add(pair)) {
                throw new IllegalArgumentException("pair " + pair + " is listed twice");
            }
        }
        pairs = List.copyOf(pairs);
    }

    /** The official code's settings on the given pairs. */
    public NeuronSelectivityParams(List<NeuronSelectivityPair> pairs) {
        this(pairs, 50, 2, 0, NeuronSelectivityMode.CODE);
    }

    /** The factor in front of the summed squared MMD. */
    double factor() {
        return mode == NeuronSelectivityMode.CODE ? beta : beta / 2;
    }
}
