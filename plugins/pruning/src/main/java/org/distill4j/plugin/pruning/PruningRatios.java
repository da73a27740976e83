package org.distill4j.plugin.pruning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-convolution removal fractions from a common ratio, the layers it applies to, and per-layer overrides. */
final class PruningRatios {

    private PruningRatios() {
    }

    static void check(double ratio, String what) {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1) (the fraction of filters removed), got "
                    + ratio);
        }
    }

    /**
     * @param layers    the convolutions the common ratio applies to; every prunable one when empty
     * @param overrides per-layer ratios, applied after the common one
     * @param prunable  the network's prunable convolutions
     * @return the ratio of each convolution to prune, in the order of {@code prunable}; zero ratios left out
     */
    static Map<String, Double> of(double ratio, List<String> layers, List<LayerRatio> overrides,
            List<String> prunable) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (String layer : layers) {
            requirePrunable(layer, prunable, "layers");
        }
        for (LayerRatio override : overrides) {
            requirePrunable(override.vertex(), prunable, "layer-ratios");
        }
        for (String convolution : prunable) {
            double chosen = layers.isEmpty() || layers.contains(convolution) ? ratio : 0;
            for (LayerRatio override : overrides) {
                if (override.vertex().equals(convolution)) {
                    chosen = override.ratio();
                }
            }
            if (chosen > 0) {
                ratios.put(convolution, chosen);
            }
        }
        return ratios;
    }

    /** Filters kept from {@code channels} at a ratio: the reference code's {@code int(channels * (1 - ratio))}, at least 1. */
    static int keep(int channels, double ratio) {
        return Math.max(1, (int) Math.floor(channels * (1 - ratio) + 1e-9));
    }

    private static void requirePrunable(String layer, List<String> prunable, String key) {
        if (!prunable.contains(layer)) {
            throw new IllegalArgumentException(key + " names '" + layer + "', which is not a prunable convolution of"
                    + " this network (a convolution whose channels reach a residual addition or the output cannot"
                    + " lose filters); prunable: " + prunable);
        }
    }
}
