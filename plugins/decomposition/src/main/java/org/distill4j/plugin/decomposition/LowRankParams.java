package org.distill4j.plugin.decomposition;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of {@code low-rank}. The rank of each decomposed conv comes from exactly one of {@code rank-ratio} and
 * {@code energy}: a fixed share of the full rank is the papers' usual setting, a share of the spectrum's energy
 * adapts the rank to each layer.
 */
public record LowRankParams(
        @Parameter(description = "rank r = max(1, ceil(rank-ratio * min(C_out, C_in k k))) of each decomposed conv;"
                + " give this or energy", defaultValue = Parameter.ABSENT)
        @Range(min = 0, minExclusive = true, max = 1) Double rankRatio,
        @Parameter(description = "rank r = the smallest rank whose singular values keep this share of the sum of"
                + " squared singular values; give this or rank-ratio", defaultValue = Parameter.ABSENT)
        @Range(min = 0, minExclusive = true, max = 1) Double energy,
        @Parameter(description = "the convs to decompose: [all-but-first] (every conv but the first, whose C_in k k"
                + " is tiny), [all], or a list of conv vertex names", defaultValue = "[all-but-first]")
        List<String> layers,
        @Parameter(description = "leave a conv whole when its factors would not have fewer parameters than it,"
                + " r (C_in k k + C_out) >= C_out C_in k k", defaultValue = "true")
        boolean skipUnprofitable) {

    /** Selects every conv except the first in topological order. */
    public static final String ALL_BUT_FIRST = "all-but-first";

    /** Selects every conv. */
    public static final String ALL = "all";

    public LowRankParams {
        checkExactlyOneRule(rankRatio, energy);
        if (rankRatio != null) {
            checkShare("rank-ratio", rankRatio);
        }
        if (energy != null) {
            checkShare("energy", energy);
        }
        layers = checkLayers(layers);
    }

    /** A fixed share of the full rank of every conv but the first, skipping convs where it would not pay. */
    public static LowRankParams rankRatio(double ratio) {
        return new LowRankParams(ratio, null, List.of(ALL_BUT_FIRST), true);
    }

    /** A share of the spectrum's energy for every conv but the first, skipping convs where it would not pay. */
    public static LowRankParams energy(double share) {
        return new LowRankParams(null, share, List.of(ALL_BUT_FIRST), true);
    }

    /** The rule that turns a layer's singular values into its rank. */
    public LowRankTarget target() {
        return rankRatio != null ? new LowRankTarget.Ratio(rankRatio) : new LowRankTarget.Energy(energy);
    }

    /** Whether {@link #layers()} is one of the keywords rather than a list of vertex names. */
    boolean layersByRule() {
        return layers.size() == 1 && (layers.get(0).equals(ALL) || layers.get(0).equals(ALL_BUT_FIRST));
    }

    private static void checkExactlyOneRule(Double rankRatio, Double energy) {
        if ((rankRatio == null) == (energy == null)) {
            throw new IllegalArgumentException("give exactly one of rank-ratio (the share of each conv's full rank"
                    + " to keep, e.g. 0.25) and energy (the share of the squared singular values to keep, e.g. 0.9);"
                    + " got " + (rankRatio == null ? "neither" : "both, rank-ratio " + rankRatio + " and energy "
                    + energy));
        }
    }

    private static void checkShare(String key, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be in (0, 1], got " + value);
        }
    }

    private static List<String> checkLayers(List<String> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers needs [" + ALL_BUT_FIRST + "], [" + ALL + "] or at least one"
                    + " conv vertex name, e.g. [conv2, conv3]; got nothing");
        }
        Set<String> seen = new HashSet<>();
        for (String layer : layers) {
            if (layer == null || layer.isBlank()) {
                throw new IllegalArgumentException("layers " + layers + " holds an empty name; give conv vertex names");
            }
            if ((layer.equals(ALL) || layer.equals(ALL_BUT_FIRST)) && layers.size() > 1) {
                throw new IllegalArgumentException("layers " + layers + " mixes the keyword " + layer + " with other"
                        + " entries; give [" + layer + "] alone or list conv vertex names only");
            }
            if (!seen.add(layer)) {
                throw new IllegalArgumentException("layers lists " + layer + " twice");
            }
        }
        return List.copyOf(layers);
    }
}
