package org.distill4j.plugin.pruning;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** The weight counts a sparsity-matched design is checked by: what the run records beside the designed widths. */
final class SparsityMatchedCounts {

    private SparsityMatchedCounts() {
    }

    /** The convolution and dense weights of a spec (no biases, no batch norm): what the design rule matches. */
    static long weights(NetworkSpec spec) {
        Map<String, TensorShape> shapes = spec.shapes();
        long weights = 0;
        for (NodeSpec node : spec.nodes()) {
            TensorShape in = shapes.get(node.inputs().get(0));
            if (node instanceof NodeSpec.Conv2d conv) {
                weights += (long) conv.outChannels() * in.channels() * conv.kernel() * conv.kernel();
            } else if (node instanceof NodeSpec.Dense dense) {
                weights += in.size() * dense.units();
            }
        }
        return weights;
    }

    /** The non-zero convolution and dense weights of a network: a pruned weight is stored as an exact zero. */
    static long nonZeroWeights(Network network) {
        long count = 0;
        for (NodeSpec node : network.spec().nodes()) {
            if (node instanceof NodeSpec.Conv2d || node instanceof NodeSpec.Dense) {
                INDArray weights = NetworkWeights.copy(network, node.name(), NetworkWeights.WEIGHT);
                for (double value : weights.data().asDouble()) {
                    if (value != 0) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
