package org.distill4j.plugin.pruning;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.TrainingHook;
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
final class MagnitudeWeightMasks implements TrainingHook {

    private static final String WEIGHT = "W";

    private final Map<String, INDArray> masks;

    /** @param masks a 0/1 mask per vertex, shaped like its weight {@code W}, in the network's layer order */
    MagnitudeWeightMasks(Map<String, INDArray> masks) {
        this.masks = Collections.unmodifiableMap(new LinkedHashMap<>(masks));
    }

    /** The masks, by vertex. */
    Map<String, INDArray> masks() {
        return masks;
    }

    /**
     * Zeroes the masked weights of a network now.
     *
     * @throws IllegalArgumentException when a masked vertex is missing or its weight has another shape
     */
    @Override
    public void start(ComputationGraph network) {
        masks.forEach((vertex, mask) -> weight(network, vertex, mask).muli(mask));
    }

    @Override
    public void beforeUpdate(ComputationGraph network, Gradient gradient) {
        masks.forEach((vertex, mask) -> {
            INDArray weightGradient = gradient.getGradientFor(vertex + "_" + WEIGHT);
            if (weightGradient != null) {
                weightGradient.muli(mask);
            }
        });
    }

    @Override
    public void afterUpdate(ComputationGraph network) {
        start(network);
    }

    private static INDArray weight(ComputationGraph network, String vertex, INDArray mask) {
        Layer layer = network.getVertex(vertex) == null || !network.getVertex(vertex).hasLayer() ? null
                : network.getLayer(vertex);
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
