package org.distill4j.plugin.pruning;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One round of unstructured magnitude pruning on flat weight arrays: which of the weights a mask still keeps are
 * removed. The count removed is {@code round(fraction x remaining)}, over all layers (global) or per layer; the
 * smallest magnitudes go first and ties go in layer order, then index order, so exactly that many are removed.
 */
final class MagnitudeMasks {

    private MagnitudeMasks() {
    }

    /**
     * @param weights the weights of each layer, flattened
     * @param masks   the current 0/1 masks of the same layers, flattened; updated in place
     * @return the number of weights removed from each layer this round
     */
    static Map<String, Long> prune(Map<String, double[]> weights, Map<String, boolean[]> masks, double fraction,
            MagnitudeScope scope) {
        Map<String, Long> removed = new LinkedHashMap<>();
        if (scope == MagnitudeScope.GLOBAL) {
            removeSmallest(weights, masks, fraction, removed);
        } else {
            for (String layer : weights.keySet()) {
                removeSmallest(Map.of(layer, weights.get(layer)), Map.of(layer, masks.get(layer)), fraction, removed);
            }
        }
        return removed;
    }

    /** Weights a mask keeps. */
    static long kept(boolean[] mask) {
        long count = 0;
        for (boolean keep : mask) {
            if (keep) {
                count++;
            }
        }
        return count;
    }

    private static void removeSmallest(Map<String, double[]> weights, Map<String, boolean[]> masks, double fraction,
            Map<String, Long> removed) {
        long remaining = masks.values().stream().mapToLong(MagnitudeMasks::kept).sum();
        long count = Math.round(fraction * remaining);
        weights.keySet().forEach(layer -> removed.putIfAbsent(layer, 0L));
        if (count == 0) {
            return;
        }
        double[] magnitudes = new double[(int) remaining];
        int next = 0;
        for (Map.Entry<String, double[]> layer : weights.entrySet()) {
            boolean[] mask = masks.get(layer.getKey());
            double[] values = layer.getValue();
            for (int i = 0; i < values.length; i++) {
                if (mask[i]) {
                    magnitudes[next++] = Math.abs(values[i]);
                }
            }
        }
        Arrays.sort(magnitudes);
        double threshold = magnitudes[(int) count - 1];
        long below = 0;
        for (double magnitude : magnitudes) {
            if (magnitude < threshold) {
                below++;
            }
        }
        // Every weight under the threshold goes, then weights equal to it in layer and index order until count.
        long atThreshold = count - below;
        for (Map.Entry<String, double[]> layer : weights.entrySet()) {
            boolean[] mask = masks.get(layer.getKey());
            double[] values = layer.getValue();
            long layerRemoved = 0;
            for (int i = 0; i < values.length; i++) {
                if (!mask[i]) {
                    continue;
                }
                double magnitude = Math.abs(values[i]);
                if (magnitude < threshold || (magnitude == threshold && atThreshold-- > 0)) {
                    mask[i] = false;
                    layerRemoved++;
                }
            }
            removed.merge(layer.getKey(), layerRemoved, Long::sum);
        }
    }
}
