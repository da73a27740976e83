package org.distill4j.plugin.fskd;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds every inference-mode batch norm that directly follows a convolution into that convolution (docs/methods.md
 * §8(a), Corollary 1): {@code W~ = diag(s) W}, {@code b~ = s b + t}, with {@code s = gamma / sqrt(var + eps)} and
 * {@code t = beta - s mean}. A 1x1 conv Q placed after a conv merges exactly only when nothing but an affine map
 * sits between them, and merging Q into the conv alone while a batch norm stays in between is the official code's
 * BN bug (docs/methods.md §8(e)); folding first makes the merge exact. Computed in float64.
 */
public final class FskdFolding {

    private FskdFolding() {
    }

    /** The network with its conv-BN pairs folded (a conv whose output also feeds other vertices keeps its BN). */
    public static FoldedNetwork fold(Network network, NetworkFactory factory, long seed) {
        NetworkSpec spec = network.spec();
        Map<String, String> batchNorms = pairs(spec);
        Map<String, String> renames = new HashMap<>();
        batchNorms.forEach((conv, norm) -> renames.put(norm, conv));
        NetworkSpec withBias = spec.map(node -> batchNorms.containsKey(node.name()) ? withBias((NodeSpec.Conv2d) node)
                : node);
        NetworkSpec foldedSpec = FskdSpecEdits.remove(withBias, Set.copyOf(renames.keySet()), renames);
        Network folded = factory.build(foldedSpec, seed);
        NetworkWeights.copyMatching(network, folded);
        batchNorms.forEach((conv, norm) -> foldInto(network, conv, norm, folded));
        return new FoldedNetwork(folded, batchNorms);
    }

    /** Each conv whose only consumer is a batch norm, with that batch norm, in topological order. */
    static Map<String, String> pairs(NetworkSpec spec) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (NodeSpec node : spec.nodes()) {
            if (node instanceof NodeSpec.Conv2d) {
                List<String> consumers = spec.consumers(node.name());
                if (consumers.size() == 1 && spec.node(consumers.get(0)).orElseThrow() instanceof NodeSpec.BatchNorm) {
                    pairs.put(node.name(), consumers.get(0));
                }
            }
        }
        return pairs;
    }

    /** The inference-mode scale {@code s} and shift {@code t} of a batch norm, in float64, as {@code [channels]}. */
    static INDArray[] scaleAndShift(Network network, String norm) {
        double eps = epsilon(network, norm);
        INDArray gamma = NetworkWeights.copy(network, norm, NetworkWeights.GAMMA).reshape(-1);
        INDArray beta = NetworkWeights.copy(network, norm, NetworkWeights.BETA).reshape(-1);
        INDArray mean = NetworkWeights.copy(network, norm, NetworkWeights.MEAN).reshape(-1);
        INDArray variance = NetworkWeights.variance(network, norm).reshape(-1);
        INDArray scale = gamma.div(Transforms.sqrt(variance.add(eps), false));
        INDArray shift = beta.sub(scale.mul(mean));
        return new INDArray[] {scale, shift};
    }

    /** The epsilon the batch norm's layer was configured with (1e-5 in this project's builder). */
    static double epsilon(Network network, String norm) {
        var layer = network.graph().getLayer(norm).conf().getLayer();
        if (!(layer instanceof BatchNormalization batchNorm)) {
            throw new IllegalArgumentException("vertex '" + norm + "' is a " + layer.getClass().getSimpleName()
                    + ", expected a batch norm");
        }
        return batchNorm.getEps();
    }

    private static void foldInto(Network source, String conv, String norm, Network folded) {
        INDArray[] affine = scaleAndShift(source, norm);
        INDArray scale = affine[0];
        INDArray weight = NetworkWeights.copy(source, conv, NetworkWeights.WEIGHT);
        INDArray bias = NetworkWeights.has(source, conv, NetworkWeights.BIAS)
                ? NetworkWeights.copy(source, conv, NetworkWeights.BIAS).reshape(-1)
                : Nd4j.zeros(DataType.DOUBLE, scale.length());
        long out = weight.size(0);
        INDArray rows = weight.reshape(out, -1).mulColumnVector(scale.reshape(out, 1));
        NetworkWeights.set(folded, conv, NetworkWeights.WEIGHT, rows);
        NetworkWeights.set(folded, conv, NetworkWeights.BIAS, bias.mul(scale).addi(affine[1]));
    }

    private static NodeSpec.Conv2d withBias(NodeSpec.Conv2d conv) {
        return new NodeSpec.Conv2d(conv.name(), conv.input(), conv.outChannels(), conv.kernel(), conv.stride(),
                conv.padding(), true);
    }
}
