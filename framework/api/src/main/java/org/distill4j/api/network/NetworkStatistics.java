package org.distill4j.api.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Size and cost of a network spec.
 *
 * <p>Parameters are the trainable weights: conv and dense weights and biases, BatchNorm scale and shift (running
 * statistics are not counted). Multiply-accumulates count conv and dense layers only, per image, as the pruning
 * papers do when they report "FLOPs".
 *
 * @param parameters          trainable parameters of the whole network
 * @param multiplyAccumulates multiply-accumulate operations for one image
 * @param parametersByVertex  the same count per vertex, for vertices that have parameters, in topological order
 */
public record NetworkStatistics(long parameters, long multiplyAccumulates, Map<String, Long> parametersByVertex) {

    public NetworkStatistics {
        parametersByVertex = Collections.unmodifiableMap(new LinkedHashMap<>(parametersByVertex));
    }

    public static NetworkStatistics of(NetworkSpec spec) {
        Map<String, TensorShape> shapes = spec.shapes();
        Map<String, TensorShape> inputs = NetworkSpec.firstInputShapes(spec);
        Map<String, Long> byVertex = new LinkedHashMap<>();
        long parameters = 0;
        long macs = 0;
        for (NodeSpec node : spec.nodes()) {
            TensorShape in = inputs.get(node.name());
            TensorShape out = shapes.get(node.name());
            long count = 0;
            if (node instanceof NodeSpec.Conv2d conv) {
                long weights = (long) conv.outChannels() * in.channels() * conv.kernel() * conv.kernel();
                count = weights + (conv.bias() ? conv.outChannels() : 0);
                macs += weights * out.height() * out.width();
            } else if (node instanceof NodeSpec.Dense dense) {
                long weights = in.size() * dense.units();
                count = weights + (dense.bias() ? dense.units() : 0);
                macs += weights;
            } else if (node instanceof NodeSpec.BatchNorm) {
                count = 2L * in.channels();
            }
            if (count > 0) {
                byVertex.put(node.name(), count);
                parameters += count;
            }
        }
        return new NetworkStatistics(parameters, macs, byVertex);
    }
}
