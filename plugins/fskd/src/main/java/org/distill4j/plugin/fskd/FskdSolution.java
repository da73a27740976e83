package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;

/**
 * The solved Q of one block.
 *
 * @param q         {@code [c', c]}, float64: the 1x1 conv's weights ({@code out x in})
 * @param condition the condition number of {@code X^T X} ({@code +Infinity} when singular, NaN when X is all zero)
 * @param ridge     the ridge {@code lambda} added to the diagonal (0 when none was needed)
 */
public record FskdSolution(INDArray q, double condition, double ridge) {

    public FskdSolution {
        Objects.requireNonNull(q, "q");
    }
}
