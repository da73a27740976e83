package org.distill4j.plugin.fskd;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.distill4j.plugin.fskd.FskdTestNetworks.FACTORY;
import static org.distill4j.plugin.fskd.FskdTestNetworks.output;
import static org.distill4j.plugin.fskd.FskdTestNetworks.relativeError;

class FskdSurgeryTest {

    private static final INDArray IMAGES = TinyData.dataset(3, 40, 10, 3).train().features();

    @Test
    void foldingKeepsTheOutputAndRemovesEveryBatchNorm() {
        Network network = FskdTestNetworks.tinyWithBatchNorm(4, 11);
        FoldedNetwork folded = FskdFolding.fold(network, FACTORY, 1);

        assertThat(folded.batchNorms()).isEqualTo(Map.of("conv1", "conv1.bn", "conv2", "conv2.bn"));
        assertThat(folded.network().spec().nodes()).noneMatch(NodeSpec.BatchNorm.class::isInstance);
        assertThat(folded.network().spec().consumers("conv1")).containsExactly("conv1.relu");
        assertThat(relativeError(output(folded.network(), IMAGES), output(network, IMAGES))).isLessThan(1e-4);
    }

    @Test
    void foldingComputesScaleAndShiftPerChannel() {
        Network network = FskdTestNetworks.tinyWithBatchNorm(4, 12);
        FoldedNetwork folded = FskdFolding.fold(network, FACTORY, 1);
        // Channel 2 of conv1 by hand: s = gamma / sqrt(var + eps), b~ = beta - s mean (the conv has no bias).
        double gamma = NetworkWeights.copy(network, "conv1.bn", NetworkWeights.GAMMA).getDouble(2);
        double beta = NetworkWeights.copy(network, "conv1.bn", NetworkWeights.BETA).getDouble(2);
        double mean = NetworkWeights.copy(network, "conv1.bn", NetworkWeights.MEAN).getDouble(2);
        double std = Math.pow(10, NetworkWeights.copy(network, "conv1.bn", NetworkWeights.LOG10_STD).getDouble(2));
        double scale = gamma / Math.sqrt(std * std + 1e-5);
        double weight = NetworkWeights.copy(network, "conv1", NetworkWeights.WEIGHT).getDouble(2, 0, 1, 1);

        assertThat(NetworkWeights.copy(folded.network(), "conv1", NetworkWeights.WEIGHT).getDouble(2, 0, 1, 1))
                .isCloseTo(scale * weight, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(NetworkWeights.copy(folded.network(), "conv1", NetworkWeights.BIAS).getDouble(2))
                .isCloseTo(beta - scale * mean, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void identityQChangesNothing() {
        Network folded = FskdFolding.fold(FskdTestNetworks.tinyWithBatchNorm(4, 13), FACTORY, 1).network();
        Network withQ = FskdQLayers.insert(folded, List.of("conv1", "conv2"), FACTORY, 2);

        assertThat(withQ.spec().consumers("conv1")).containsExactly("conv1.q");
        assertThat(withQ.spec().consumers("conv1.q")).containsExactly("conv1.relu");
        assertThat(relativeError(output(withQ, IMAGES), output(folded, IMAGES))).isLessThan(1e-6);
    }

    @Test
    void mergedQEqualsTheNetworkWithQWithFoldedBatchNorm() {
        Network folded = FskdFolding.fold(FskdTestNetworks.tinyWithBatchNorm(4, 14), FACTORY, 1).network();
        assertMergeIsExact(folded);
    }

    @Test
    void mergedQEqualsTheNetworkWithQWithoutBatchNorm() {
        Network plain = FACTORY.build(FskdTestNetworks.withoutBatchNorm(4), 15);
        NetworkWeights.set(plain, "conv1", NetworkWeights.BIAS, FskdTestNetworks.uniform(4, -0.5, 0.5));
        NetworkWeights.set(plain, "conv2", NetworkWeights.BIAS, FskdTestNetworks.uniform(8, -0.5, 0.5));
        assertMergeIsExact(plain);
    }

    @Test
    void restoredArchitectureIsTheCompressedSpecWithTheMergedOutput() {
        Network compressed = FskdTestNetworks.tinyWithBatchNorm(4, 16);
        FoldedNetwork folding = FskdFolding.fold(compressed, FACTORY, 1);
        Network withQ = randomQ(FskdQLayers.insert(folding.network(), List.of("conv1", "conv2"), FACTORY, 2), 17);
        Network merged = FskdQLayers.merge(withQ, List.of("conv1", "conv2"), FACTORY, 3);

        Network restored = FskdRestoration.restore(merged, folding, compressed, FACTORY, 4);

        assertThat(restored.spec()).isEqualTo(compressed.spec());
        assertThat(restored.spec().statistics()).isEqualTo(compressed.spec().statistics());
        assertThat(restored.graph().numParams()).isEqualTo(compressed.graph().numParams());
        assertThat(relativeError(output(restored, IMAGES), output(merged, IMAGES))).isLessThan(1e-5);
        assertThat(relativeError(output(restored, IMAGES), output(compressed, IMAGES))).isGreaterThan(1e-2);
    }

    @Test
    void restoringAnUnchangedFoldedNetworkGivesBackTheOriginalOutput() {
        Network compressed = FskdTestNetworks.tinyWithBatchNorm(4, 18);
        FoldedNetwork folding = FskdFolding.fold(compressed, FACTORY, 1);

        Network restored = FskdRestoration.restore(folding.network(), folding, compressed, FACTORY, 4);

        // The identity batch norm is exact: std sqrt((1 - eps) + eps) = 1, mean 0, gamma 1.
        assertThat(NetworkWeights.variance(restored, "conv1.bn").addi(1e-5).sub(1).amaxNumber().doubleValue())
                .isLessThan(1e-6);
        assertThat(relativeError(output(restored, IMAGES), output(compressed, IMAGES))).isLessThan(1e-5);
    }

    @Test
    void mergeWeightMultipliesEveryKernelPositionByQ() {
        INDArray weight = Nd4j.rand(DataType.DOUBLE, 3, 2, 3, 3);
        INDArray q = Nd4j.rand(DataType.DOUBLE, 3, 3);
        INDArray merged = FskdQLayers.mergeWeight(q, weight);
        for (int kh = 0; kh < 3; kh++) {
            for (int kw = 0; kw < 3; kw++) {
                for (int o = 0; o < 3; o++) {
                    for (int i = 0; i < 2; i++) {
                        double expected = 0;
                        for (int c = 0; c < 3; c++) {
                            expected += q.getDouble(o, c) * weight.getDouble(c, i, kh, kw);
                        }
                        assertThat(merged.getDouble(o, i, kh, kw)).isCloseTo(expected,
                                org.assertj.core.data.Offset.offset(1e-12));
                    }
                }
            }
        }
    }

    private static void assertMergeIsExact(Network network) {
        List<String> blocks = List.of("conv1", "conv2");
        Network withQ = randomQ(FskdQLayers.insert(network, blocks, FACTORY, 2), 19);
        Network merged = FskdQLayers.merge(withQ, blocks, FACTORY, 3);

        assertThat(merged.spec()).isEqualTo(network.spec());
        assertThat(relativeError(output(withQ, IMAGES), output(network, IMAGES))).as("a random Q changes the output")
                .isGreaterThan(1e-2);
        assertThat(relativeError(output(merged, IMAGES), output(withQ, IMAGES))).isLessThan(1e-5);
    }

    private static Network randomQ(Network withQ, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (String block : List.of("conv1", "conv2")) {
            long channels = NetworkWeights.get(withQ, block + ".q", NetworkWeights.WEIGHT).size(0);
            INDArray q = Nd4j.eye(channels).castTo(DataType.DOUBLE).addi(Nd4j.randn(DataType.DOUBLE, channels, channels)
                    .muli(0.3));
            FskdQLayers.setQ(withQ, block, q);
        }
        return withQ;
    }
}
