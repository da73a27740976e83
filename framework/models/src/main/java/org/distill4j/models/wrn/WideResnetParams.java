package org.distill4j.models.wrn;

import org.distill4j.api.Parameter;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.Range;

import java.util.Objects;
import org.distill4j.models.ParameterChecks;

/**
 * Parameters of the {@code wrn} family (Zagoruyko and Komodakis 2016): WRN-depth-k, e.g. WRN-16-1 ({@code depth: 16,
 * widen-factor: 1}), WRN-16-2, WRN-40-1, WRN-40-2.
 */
public record WideResnetParams(
        @Parameter(description = "depth 6n+4 (10, 16, 22, 28, 40, ...): n pre-activation blocks per group")
        @Range(min = 10) int depth,
        @Parameter(description = "widen factor k: the groups have 16k, 32k and 64k channels", defaultValue = "1")
        @Range(min = 1) int widenFactor,
        @Parameter(description = "probability of dropping a unit between a block's two convolutions during training",
                defaultValue = "0") @Range(min = 0, max = 1, maxExclusive = true) double dropout,
        @Parameter(description = "how the parameters start (szagoruyko/attention-transfer utils.py: he-normal-fan-in-uniform-gamma)",
                defaultValue = "he-normal-fan-in-uniform-gamma") Initialisation initialisation) {

    /** The number of groups of a CIFAR WRN. */
    public static final int GROUPS = 3;

    /** The width of the stem and, times the widen factor, of the first group. */
    public static final int BASE_WIDTH = 16;

    public WideResnetParams {
        Objects.requireNonNull(initialisation, "initialisation");
        if (depth < 10 || (depth - 4) % 6 != 0) {
            throw new IllegalArgumentException("wrn depth must be 6n+4 with n >= 1 (10, 16, 22, 28, 40, ...), got "
                    + depth + nearest(depth));
        }
        if (widenFactor < 1) {
            throw new IllegalArgumentException("widen-factor must be >= 1, got " + widenFactor);
        }
        ParameterChecks.rate("dropout", dropout);
    }

    /** The given architecture, initialised as the official code does. */
    public WideResnetParams(int depth, int widenFactor, double dropout) {
        this(depth, widenFactor, dropout, Initialisation.HE_NORMAL_FAN_IN_UNIFORM_GAMMA);
    }

    public WideResnetParams(int depth, int widenFactor) {
        this(depth, widenFactor, 0);
    }

    /** Pre-activation blocks per group. */
    public int blocksPerGroup() {
        return (depth - 4) / 6;
    }

    /** The output width of a group, 1-based. */
    public int width(int group) {
        return BASE_WIDTH * widenFactor * (1 << (group - 1));
    }

    private static String nearest(int depth) {
        int below = depth - Math.floorMod(depth - 4, 6);
        return depth > 10 ? "; the nearest valid depths are " + below + " and " + (below + 6) : "";
    }
}
