package org.distill4j.plugin.pruning;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MagnitudeMasksTest {

    @Test
    void globalPruningRemovesTheSmallestMagnitudesOverEveryLayer() {
        Map<String, double[]> weights = weights(new double[] {0.5, -0.1, 0.3, 0.05}, new double[] {0.2, -0.4});
        Map<String, boolean[]> masks = fullMasks(weights);
        // Half of the 6 remaining: |w| 0.05, 0.1 and 0.2 go, so layer b loses one of its two.
        Map<String, Long> removed = MagnitudeMasks.prune(weights, masks, 0.5, MagnitudeScope.GLOBAL);
        assertThat(masks.get("a")).containsExactly(true, false, true, false);
        assertThat(masks.get("b")).containsExactly(false, true);
        assertThat(removed).containsExactly(Map.entry("a", 2L), Map.entry("b", 1L));
    }

    @Test
    void layerWisePruningRemovesTheSameFractionOfEachLayer() {
        Map<String, double[]> weights = weights(new double[] {0.5, -0.1, 0.3, 0.05}, new double[] {0.2, -0.4});
        Map<String, boolean[]> masks = fullMasks(weights);
        // round(0.5 x 4) = 2 from a (0.05, 0.1), round(0.5 x 2) = 1 from b (0.2).
        MagnitudeMasks.prune(weights, masks, 0.5, MagnitudeScope.LAYER_WISE);
        assertThat(masks.get("a")).containsExactly(true, false, true, false);
        assertThat(masks.get("b")).containsExactly(false, true);
        masks = fullMasks(weights);
        // 0.25: round(1.0) = 1 from a, round(0.5) = 1 (half up) from b; a global cut would take 0.05 and 0.1 from a.
        MagnitudeMasks.prune(weights, masks, 0.25, MagnitudeScope.LAYER_WISE);
        assertThat(masks.get("a")).containsExactly(true, true, true, false);
        assertThat(masks.get("b")).containsExactly(false, true);
    }

    @Test
    void aPrunedWeightIsNeverCountedAgainAndTheFractionIsOfTheRemainingOnes() {
        Map<String, double[]> weights = weights(new double[] {0.0, 0.0, 0.3, 0.4, 0.5, 0.6});
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        masks.put("a", new boolean[] {false, false, true, true, true, true});
        // 4 remain; half of them (0.3, 0.4) go, the already pruned zeros are not picked again.
        MagnitudeMasks.prune(weights, masks, 0.5, MagnitudeScope.GLOBAL);
        assertThat(masks.get("a")).containsExactly(false, false, false, false, true, true);
    }

    @Test
    void tiesAtTheThresholdGoInLayerThenIndexOrderSoExactlyTheCountIsRemoved() {
        Map<String, double[]> weights = weights(new double[] {1, 1, 1}, new double[] {1, -1, 1});
        Map<String, boolean[]> masks = fullMasks(weights);
        MagnitudeMasks.prune(weights, masks, 0.5, MagnitudeScope.GLOBAL);
        assertThat(masks.get("a")).containsExactly(false, false, false);
        assertThat(masks.get("b")).containsExactly(true, true, true);
    }

    @Test
    void kRoundsOfTwentyPercentLeaveZeroPointEightToTheKOfTheWeightsWithinOneWeightPerLayer() {
        Random random = new Random(7);
        Map<String, double[]> weights = new LinkedHashMap<>();
        int[] sizes = {1000, 450, 77, 4608};
        for (int layer = 0; layer < sizes.length; layer++) {
            double[] values = new double[sizes[layer]];
            for (int i = 0; i < values.length; i++) {
                // Layers of different scales, as in a trained network: the global threshold prunes them unevenly.
                values[i] = random.nextGaussian() * (layer + 1);
            }
            weights.put("layer" + layer, values);
        }
        Map<String, boolean[]> masks = fullMasks(weights);
        long total = 1000 + 450 + 77 + 4608;
        for (int round = 1; round <= 7; round++) {
            MagnitudeMasks.prune(weights, masks, 0.2, MagnitudeScope.GLOBAL);
            long kept = masks.values().stream().mapToLong(MagnitudeMasks::kept).sum();
            assertThat((double) kept).as("round " + round)
                    .isCloseTo(total * Math.pow(0.8, round), org.assertj.core.data.Offset.offset(4.0));
        }
        // Global pruning: the smallest-scale layer lost the most.
        double first = 1 - (double) MagnitudeMasks.kept(masks.get("layer0")) / 1000;
        double last = 1 - (double) MagnitudeMasks.kept(masks.get("layer3")) / 4608;
        assertThat(first).isGreaterThan(last);
    }

    private static Map<String, double[]> weights(double[]... layers) {
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (int i = 0; i < layers.length; i++) {
            weights.put(String.valueOf((char) ('a' + i)), layers[i]);
        }
        return weights;
    }

    private static Map<String, boolean[]> fullMasks(Map<String, double[]> weights) {
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        weights.forEach((layer, values) -> {
            boolean[] mask = new boolean[values.length];
            java.util.Arrays.fill(mask, true);
            masks.put(layer, mask);
        });
        return masks;
    }
}
