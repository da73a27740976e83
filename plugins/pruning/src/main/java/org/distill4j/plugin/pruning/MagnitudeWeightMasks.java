package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the weights of unstructured pruning at zero while a network trains: before every update the gradients of
 * the masked weights are zeroed, so momentum never accumulates a pull on them, and after it the weights are
 * multiplied by their masks, so weight decay and any updater term that ignores the gradient cannot regrow them
 * either (Park and No 2022's reference code re-applies its masks in the forward pass; zeroing the stored weights
 * gives the same network and lets a saved model carry its pruning).
 */
public final class WeightMasks implements TrainableGraph.UpdateHook {

    private static final String WEIGHT = "W";

    private final Map<String, INDArray> masks;
    private final TrainableGraph.UpdateHook next;

    /**
     * @param masks a 0/1 mask per vertex, shaped like its weight {@code W}
     * @param next  whatever else happens around the same update
     */
    public WeightMasks(Map<String, INDArray> masks, TrainableGraph.UpdateHook next) {
        this.masks = Collections.unmodifiableMap(new LinkedHashMap<>(masks));
        this.next = next;
    }

    /** The hook for a set of masks: {@code next} alone when there are none. */
    public static TrainableGraph.UpdateHook of(Map<String, INDArray> masks, TrainableGraph.UpdateHook next) {
        return masks.isEmpty() ? next : new WeightMasks(masks, next);
    }

    /**
     * Zeroes the masked weights of a graph now (before training starts, and for a network that must equal its
     * pruned form).
     *
     * @throws IllegalArgumentException when a masked vertex is missing or its weight has another shape
     */
    public void apply(TrainableGraph graph) {
        masks.forEach((vertex, mask) -> weight(graph, vertex, mask).muli(mask));
    }

    @Override
    public void beforeUpdate(TrainableGraph graph, Gradient gradient) {
        masks.forEach((vertex, mask) -> {
            INDArray weightGradient = gradient.getGradientFor(vertex + "_" + WEIGHT);
            if (weightGradient != null) {
                weightGradient.muli(mask);
            }
        });
        next.beforeUpdate(graph, gradient);
    }

    @Override
    public void afterUpdate(TrainableGraph graph) {
        next.afterUpdate(graph);
        apply(graph);
    }

    private static INDArray weight(TrainableGraph graph, String vertex, INDArray mask) {
        Layer layer = graph.getVertex(vertex) == null || !graph.getVertex(vertex).hasLayer() ? null
                : graph.getLayer(vertex);
        // paramTable, not getParam: layers without parameters throw from getParam.
        INDArray weight = layer == null ? null : layer.paramTable().get(WEIGHT);
        if (weight == null) {
            throw new IllegalArgumentException("a weight mask names vertex '" + vertex + "', which has no weight W in"
                    + " this network");
        }
        if (!Arrays.equals(weight.shape(), mask.shape())) {
            throw new IllegalArgumentException("the mask of '" + vertex + "' has shape " + Arrays.toString(mask.shape())
                    + " but the weight has " + Arrays.toString(weight.shape()));
        }
        return weight;
    }
}
