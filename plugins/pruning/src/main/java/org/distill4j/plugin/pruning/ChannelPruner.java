package org.distill4j.plugin.pruning;

import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes output channels of convolutions physically: a narrower spec, a new graph, and the kept slices of every
 * affected parameter copied into it (the convolution's filters and bias, the batch norm after it, and the input
 * slices of the convolution or dense layer that reads it). Shared by every structured-pruning compressor.
 */
final class ChannelPruner {

    private ChannelPruner() {
    }

    /**
     * @param kept    for each pruned convolution, the indices of the filters it keeps, ascending
     * @param details the compressor's facts for the run's records
     */
    static Compression prune(Network original, Map<String, List<Integer>> kept, CompressionContext context,
            Record details) {
        NetworkSpec spec = original.spec();
        ChannelFlow flow = new ChannelFlow(spec);
        check(spec, flow, kept);
        NetworkSpec narrower = spec.map(node -> node instanceof NodeSpec.Conv2d conv && kept.containsKey(conv.name())
                ? conv.withOutChannels(kept.get(conv.name()).size()) : node);
        Network pruned = context.networks().build(narrower, context.seed());
        Map<String, TensorShape> inputShapes = new LinkedHashMap<>();
        Map<String, TensorShape> shapes = spec.shapes();
        for (NodeSpec node : spec.nodes()) {
            inputShapes.put(node.name(), shapes.get(node.inputs().get(0)));
        }
        for (NodeSpec node : narrower.nodes()) {
            if (!(node instanceof NodeSpec.Conv2d || node instanceof NodeSpec.Dense || node instanceof NodeSpec.BatchNorm)) {
                continue;
            }
            Optional<List<Integer>> inputKept = flow.channelSource(node.name()).map(kept::get);
            Optional<List<Integer>> outputKept = node instanceof NodeSpec.BatchNorm ? inputKept
                    : Optional.ofNullable(kept.get(node.name()));
            for (String key : pruned.graph().getVertex(node.name()).getLayer().paramTable().keySet()) {
                INDArray value = NetworkWeights.get(original, node.name(), key);
                INDArray sliced = slice(node, key, value, inputKept, outputKept, inputShapes.get(node.name()));
                NetworkWeights.set(pruned, node.name(), key, sliced);
            }
        }
        Map<String, List<Integer>> keptChannels = new LinkedHashMap<>();
        spec.nodes().stream().map(NodeSpec::name).filter(kept::containsKey)
                .forEach(name -> keptChannels.put(name, List.copyOf(kept.get(name))));
        return new Compression(pruned, keptChannels, spec.statistics(), narrower.statistics(), details);
    }

    private static INDArray slice(NodeSpec node, String key, INDArray value, Optional<List<Integer>> inputKept,
            Optional<List<Integer>> outputKept, TensorShape input) {
        if (node instanceof NodeSpec.BatchNorm) {
            return outputKept.map(channels -> columns(value, channels)).orElse(value);
        }
        if (node instanceof NodeSpec.Conv2d) {
            if (key.equals(NetworkWeights.BIAS)) {
                return outputKept.map(channels -> columns(value, channels)).orElse(value);
            }
            INDArray weights = value;
            if (outputKept.isPresent()) {
                weights = Gather.along(weights, 0, outputKept.get());
            }
            if (inputKept.isPresent()) {
                weights = Gather.along(weights, 1, inputKept.get());
            }
            return weights;
        }
        // Dense: W is [in, out]; a flattened feature map is in channel, row, column order.
        if (key.equals(NetworkWeights.BIAS) || inputKept.isEmpty()) {
            return value;
        }
        int spatial = input.flat() ? 1 : input.height() * input.width();
        List<Integer> rows = new ArrayList<>();
        for (int channel : inputKept.get()) {
            for (int position = 0; position < spatial; position++) {
                rows.add(channel * spatial + position);
            }
        }
        return Gather.along(value, 0, rows);
    }

    private static INDArray columns(INDArray vector, List<Integer> channels) {
        return Gather.along(vector.reshape(1, vector.length()), 1, channels);
    }

    private static void check(NetworkSpec spec, ChannelFlow flow, Map<String, List<Integer>> kept) {
        List<String> prunable = flow.prunableConvolutions();
        for (Map.Entry<String, List<Integer>> entry : kept.entrySet()) {
            String vertex = entry.getKey();
            if (!prunable.contains(vertex)) {
                throw new IllegalArgumentException("cannot remove filters of '" + vertex + "': "
                        + (spec.node(vertex).isEmpty() ? "the " + spec.family() + " network has no such vertex"
                                : "its channels reach a residual addition, a normalisation or the output")
                        + "; prunable convolutions: " + prunable);
            }
            NodeSpec.Conv2d conv = (NodeSpec.Conv2d) spec.node(vertex).orElseThrow();
            List<Integer> channels = entry.getValue();
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("'" + vertex + "' would keep no filter; keep at least one");
            }
            for (int i = 0; i < channels.size(); i++) {
                int channel = channels.get(i);
                if (channel < 0 || channel >= conv.outChannels() || (i > 0 && channel <= channels.get(i - 1))) {
                    throw new IllegalArgumentException("'" + vertex + "' kept channels " + channels + " must be"
                            + " ascending, distinct and in [0, " + conv.outChannels() + ")");
                }
            }
        }
    }
}
