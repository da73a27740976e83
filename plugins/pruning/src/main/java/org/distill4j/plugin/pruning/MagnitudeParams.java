package org.distill4j.plugin.pruning;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.Objects;

/**
 * Parameters of {@code magnitude}. Park and No prune 20% of the remaining weights per round, globally, and choose the
 * rounds k for a sparsity of 1 - 0.8^k: 2 rounds give 36%, 4 give 59%, 7 give 79%.
 */
public record MagnitudeParams(
        @Parameter(description = "prune-and-retrain rounds; every round but the last retrains with the run's"
                + " training (the learning-rate schedule restarted, the weights kept), the last is retrained by the"
                + " run's training itself", defaultValue = "1") @Range(min = 1) int rounds,
        @Parameter(description = "the fraction of the remaining (unpruned) weights each round removes, in (0, 1)",
                defaultValue = "0.2") @Range(min = 0, max = 1, minExclusive = true, maxExclusive = true)
        double fraction,
        @Parameter(description = "global (one threshold over every convolution and dense weight) or layer-wise (the"
                + " same fraction of each layer; an ablation)", defaultValue = "global") MagnitudeScope scope) {

    public MagnitudeParams {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1) (the share of the remaining weights each"
                    + " round removes, 0.2 in Park and No), got " + fraction);
        }
        Objects.requireNonNull(scope, "scope");
    }
}
