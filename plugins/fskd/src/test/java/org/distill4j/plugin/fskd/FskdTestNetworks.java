package org.distill4j.plugin.fskd;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.graph.GraphNetworkFactory;
import org.distill4j.testkit.TinyData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/** Tiny networks with non-trivial batch-norm statistics, for the surgery and aligner tests. */
final class FskdTestNetworks {

    static final GraphNetworkFactory FACTORY = new GraphNetworkFactory();

    private FskdTestNetworks() {
    }

    /** TinyData's conv-BN-ReLU network with random batch-norm gamma, beta, mean and variance. */
    static Network tinyWithBatchNorm(int width, long seed) {
        Network network = FACTORY.build(TinyData.network(width, 3), seed);
        randomiseBatchNorms(network, seed);
        return network;
    }

    /** conv(bias)-ReLU-pool-conv(bias)-ReLU-dense: the BN-free VGG of the official FSKD code. */
    static NetworkSpec withoutBatchNorm(int width) {
        return new NetworkSpec("tiny-plain", new InputShape(1, 8, 8), List.of(
                new NodeSpec.Conv2d("conv1", NetworkSpec.INPUT, width, 3, 1, 1, true),
                new NodeSpec.Relu("conv1.relu", "conv1"),
                new NodeSpec.MaxPool("pool1", "conv1.relu", 2, 2),
                new NodeSpec.Conv2d("conv2", "pool1", 2 * width, 3, 1, 1, true),
                new NodeSpec.Relu("conv2.relu", "conv2"),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "conv2.relu", 3, true)));
    }

    /** Gives every batch norm random statistics and affine parameters, so folding is not trivially the identity. */
    static void randomiseBatchNorms(Network network, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (NodeSpec node : network.spec().nodes()) {
            if (node instanceof NodeSpec.BatchNorm) {
                long channels = NetworkWeights.get(network, node.name(), NetworkWeights.GAMMA).length();
                NetworkWeights.set(network, node.name(), NetworkWeights.GAMMA, uniform(channels, 0.5, 1.5));
                NetworkWeights.set(network, node.name(), NetworkWeights.BETA, uniform(channels, -0.5, 0.5));
                NetworkWeights.set(network, node.name(), NetworkWeights.MEAN, uniform(channels, -0.3, 0.3));
                NetworkWeights.set(network, node.name(), NetworkWeights.LOG10_STD, uniform(channels, -0.3, 0.3));
            }
        }
    }

    /** Adds Gaussian noise of relative size {@code scale} to every conv and dense weight. */
    static void perturb(Network network, double scale, long seed) {
        perturb(network, scale, seed, true);
    }

    /** As {@link #perturb(Network, double, long)}, leaving dense layers alone unless {@code dense}. */
    static void perturb(Network network, double scale, long seed, boolean dense) {
        Nd4j.getRandom().setSeed(seed);
        for (NodeSpec node : network.spec().nodes()) {
            if (node instanceof NodeSpec.Conv2d || dense && node instanceof NodeSpec.Dense) {
                INDArray weight = NetworkWeights.get(network, node.name(), NetworkWeights.WEIGHT);
                double std = weight.stdNumber().doubleValue();
                weight.addi(Nd4j.randn(weight.dataType(), weight.shape()).muli(scale * std));
            }
        }
    }

    static INDArray uniform(long length, double low, double high) {
        return Nd4j.rand(DataType.DOUBLE, length).muli(high - low).addi(low);
    }

    static INDArray output(Network network, INDArray features) {
        return network.graph().output(false, features)[0].castTo(DataType.DOUBLE);
    }

    static double relativeError(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
    }

    /**
     * A narrower TinyData network holding the teacher's kept channels (what a filter-pruning compressor produces):
     * conv1 and its batch norm keep {@code kept1}, conv2 keeps {@code kept2} of the kept inputs, the dense layer
     * keeps the rows of the kept conv2 channels (a flattened map is in channel, row, column order).
     */
    static Network sliced(Network teacher, List<Integer> kept1, List<Integer> kept2) {
        Network student = FACTORY.build(TinyData.network(kept1.size(), 3).map(node -> node.name().equals("conv2")
                ? ((NodeSpec.Conv2d) node).withOutChannels(kept2.size()) : node), 3);
        long[] first = longs(kept1);
        long[] second = longs(kept2);
        INDArray conv1 = NetworkWeights.copy(teacher, "conv1", NetworkWeights.WEIGHT);
        NetworkWeights.set(student, "conv1", NetworkWeights.WEIGHT, conv1.get(NDArrayIndex.indices(first),
                NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).dup());
        INDArray conv2 = NetworkWeights.copy(teacher, "conv2", NetworkWeights.WEIGHT);
        NetworkWeights.set(student, "conv2", NetworkWeights.WEIGHT, conv2.get(NDArrayIndex.indices(second),
                NDArrayIndex.indices(first), NDArrayIndex.all(), NDArrayIndex.all()).dup());
        for (String key : List.of(NetworkWeights.GAMMA, NetworkWeights.BETA, NetworkWeights.MEAN,
                NetworkWeights.LOG10_STD)) {
            NetworkWeights.set(student, "conv1.bn", key, NetworkWeights.copy(teacher, "conv1.bn", key).reshape(-1)
                    .get(NDArrayIndex.indices(first)).dup());
            NetworkWeights.set(student, "conv2.bn", key, NetworkWeights.copy(teacher, "conv2.bn", key).reshape(-1)
                    .get(NDArrayIndex.indices(second)).dup());
        }
        long positions = 16;
        long[] rows = new long[second.length * (int) positions];
        for (int c = 0; c < second.length; c++) {
            for (int p = 0; p < positions; p++) {
                rows[c * (int) positions + p] = second[c] * positions + p;
            }
        }
        INDArray dense = NetworkWeights.copy(teacher, NetworkSpec.LOGITS, NetworkWeights.WEIGHT);
        NetworkWeights.set(student, NetworkSpec.LOGITS, NetworkWeights.WEIGHT,
                dense.get(NDArrayIndex.indices(rows), NDArrayIndex.all()).dup());
        NetworkWeights.set(student, NetworkSpec.LOGITS, NetworkWeights.BIAS,
                NetworkWeights.copy(teacher, NetworkSpec.LOGITS, NetworkWeights.BIAS));
        return student;
    }

    private static long[] longs(List<Integer> values) {
        return values.stream().mapToLong(Integer::longValue).toArray();
    }
}
