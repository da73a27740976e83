package org.distill4j.cli.bench;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;

import java.util.List;

/**
 * The benchmark's networks (issue 2): conv3x3(c1)-BN-ReLU-maxpool-conv3x3(c2)-BN-ReLU-maxpool-dense(d)-ReLU-dense10
 * on 28x28x1; the student has 16/32/64, the teacher 32/64/128. Written out here so the benchmark never changes
 * when a model family does.
 */
final class BenchNetworks {

    static final String FIRST_RELU = "conv1.relu";
    static final String SECOND_RELU = "conv2.relu";

    static NetworkSpec student() {
        return network(16, 32, 64);
    }

    static NetworkSpec teacher() {
        return network(32, 64, 128);
    }

    private static NetworkSpec network(int first, int second, int hidden) {
        return new NetworkSpec("bench-cnn", new InputShape(1, 28, 28), List.of(
                new NodeSpec.Conv2d("conv1", NetworkSpec.INPUT, first, 3, 1, 1, false),
                new NodeSpec.BatchNorm("conv1.bn", "conv1"),
                new NodeSpec.Relu(FIRST_RELU, "conv1.bn"),
                new NodeSpec.MaxPool("pool1", FIRST_RELU, 2, 2),
                new NodeSpec.Conv2d("conv2", "pool1", second, 3, 1, 1, false),
                new NodeSpec.BatchNorm("conv2.bn", "conv2"),
                new NodeSpec.Relu(SECOND_RELU, "conv2.bn"),
                new NodeSpec.MaxPool("pool2", SECOND_RELU, 2, 2),
                new NodeSpec.Dense("fc1", "pool2", hidden, true),
                new NodeSpec.Relu("fc1.relu", "fc1"),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "fc1.relu", 10, true)));
    }

    private BenchNetworks() {
    }
}
