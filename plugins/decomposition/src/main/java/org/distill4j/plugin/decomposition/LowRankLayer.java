package org.distill4j.plugin.decomposition;

import java.util.Objects;

/**
 * What the compressor did to one chosen conv, for the compression's provenance.
 *
 * @param vertex           the conv's name (after decomposition, the 1x1 conv's)
 * @param rank             the rank the target picked
 * @param fullRank         {@code min(C_out, C_in k k)}
 * @param energyKept       the share of the squared singular values the rank keeps
 * @param parametersBefore the conv's weights (without bias)
 * @param parametersAfter  the weights of both factors (without bias), had it been decomposed
 * @param skipped          whether the conv was left whole because the factors would not be smaller
 */
public record LowRankLayer(String vertex, int rank, int fullRank, double energyKept, long parametersBefore,
        long parametersAfter, boolean skipped) {

    public LowRankLayer {
        Objects.requireNonNull(vertex, "vertex");
    }

    /** The conv as the compression's details record it. */
    LowRankDetails.Layer toDetails() {
        return new LowRankDetails.Layer(rank, fullRank, energyKept, parametersBefore,
                skipped ? parametersBefore : parametersAfter, skipped);
    }

    /** One line for the run's console. */
    public String describe() {
        return vertex + ": rank " + rank + " of " + fullRank + ", energy kept " + String.format("%.4f", energyKept)
                + (skipped ? ", skipped (factors of " + parametersAfter + " weights would not be smaller than "
                + parametersBefore + ")" : ", weights " + parametersBefore + " -> " + parametersAfter);
    }
}
