package org.distill4j.plugin.pruning;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a convolution's output channels go. Channel-wise vertices (batch norm, non-linearities, pooling, dropout,
 * identity) carry channel {@code k} of their input to channel {@code k} of their output, so removing a filter
 * removes that channel all the way to the next convolution or dense layer, whose input slices are removed with it.
 * A channel that reaches a residual addition, an L2 normalisation or the network output cannot be removed without
 * also slicing the other operand, so such a convolution is not prunable (in a ResNet that leaves the first
 * convolution of each block, as Li et al. prune).
 */
final class ChannelFlow {

    private final NetworkSpec spec;

    ChannelFlow(NetworkSpec spec) {
        this.spec = spec;
    }

    /** The convolutions whose filters can be removed, in topological order. */
    List<String> prunableConvolutions() {
        List<String> prunable = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            if (node instanceof NodeSpec.Conv2d && reachesOnlyWeightedLayers(node.name())) {
                prunable.add(node.name());
            }
        }
        return List.copyOf(prunable);
    }

    /** The channel-wise vertices a convolution's channels pass through before the next weighted layers. */
    List<String> carriers(String convolution) {
        List<String> carriers = new ArrayList<>();
        collect(convolution, carriers, new ArrayList<>());
        return List.copyOf(carriers);
    }

    /** The convolutions and dense layers that read a convolution's channels (their input slices go with them). */
    List<String> readers(String convolution) {
        List<String> readers = new ArrayList<>();
        collect(convolution, new ArrayList<>(), readers);
        return List.copyOf(readers);
    }

    /**
     * The convolution whose channels a vertex reads: its input, followed back through channel-wise vertices; empty
     * for the network input or when the channels come from an addition or a dense layer.
     */
    Optional<String> channelSource(String vertex) {
        NodeSpec node = spec.node(vertex).orElseThrow();
        String input = node.inputs().get(0);
        while (!input.equals(NetworkSpec.INPUT)) {
            NodeSpec producer = spec.node(input).orElseThrow();
            if (producer instanceof NodeSpec.Conv2d) {
                return Optional.of(producer.name());
            }
            if (!channelWise(producer)) {
                return Optional.empty();
            }
            input = producer.inputs().get(0);
        }
        return Optional.empty();
    }

    private boolean reachesOnlyWeightedLayers(String vertex) {
        if (vertex.equals(spec.output())) {
            return false;
        }
        for (String consumer : spec.consumers(vertex)) {
            NodeSpec node = spec.node(consumer).orElseThrow();
            if (node instanceof NodeSpec.Conv2d || node instanceof NodeSpec.Dense) {
                continue;
            }
            if (!channelWise(node) || !reachesOnlyWeightedLayers(consumer)) {
                return false;
            }
        }
        return true;
    }

    private void collect(String vertex, List<String> carriers, List<String> readers) {
        for (String consumer : spec.consumers(vertex)) {
            NodeSpec node = spec.node(consumer).orElseThrow();
            if (node instanceof NodeSpec.Conv2d || node instanceof NodeSpec.Dense) {
                if (!readers.contains(consumer)) {
                    readers.add(consumer);
                }
            } else if (!carriers.contains(consumer)) {
                carriers.add(consumer);
                collect(consumer, carriers, readers);
            }
        }
    }

    static boolean channelWise(NodeSpec node) {
        return node instanceof NodeSpec.BatchNorm || node instanceof NodeSpec.Relu || node instanceof NodeSpec.Activation
                || node instanceof NodeSpec.MaxPool || node instanceof NodeSpec.AvgPool
                || node instanceof NodeSpec.GlobalAvgPool || node instanceof NodeSpec.Dropout
                || node instanceof NodeSpec.Identity;
    }
}
