package org.distill4j.plugin.pruning;

import org.distill4j.api.Compression;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.testkit.TinyCompressionContext;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelPrunerTest {

    private static final TinyCompressionContext CONTEXT = new TinyCompressionContext(TinyData.dataset(3, 12, 6, 1), 5);

    @Test
    void aPrunedVggWithoutBatchNormEqualsTheOriginalWithThePrunedFiltersZeroed() {
        assertPrunedEqualsMasked(PruningNetworks.vgg(false, VggFinalPool.FLATTEN),
                Map.of("conv1", List.of(0, 3, 4, 7), "conv2", List.of(1, 2, 6), "conv3", List.of(0, 5, 6, 11)));
    }

    @Test
    void aPrunedVggWithBatchNormEqualsTheOriginalWithThePrunedChannelsZeroedInConvolutionAndBatchNorm() {
        assertPrunedEqualsMasked(PruningNetworks.vgg(true, VggFinalPool.FLATTEN),
                Map.of("conv1", List.of(2, 5), "conv3", List.of(1, 2, 3, 4, 9)));
        assertPrunedEqualsMasked(PruningNetworks.vgg(true, VggFinalPool.GLOBAL_AVG),
                Map.of("conv2", List.of(0, 7), "conv3", List.of(10)));
    }

    @Test
    void aPrunedResnetEqualsTheOriginalWithTheFirstConvolutionsOfItsBlocksMasked() {
        assertPrunedEqualsMasked(PruningNetworks.resnet8(), Map.of("stage1.block1.conv1", List.of(0, 2),
                "stage2.block1.conv1", List.of(1, 2, 3, 6, 7), "stage3.block1.conv1", List.of(4)));
    }

    @Test
    void onlyConvolutionsWhoseChannelsReachWeightedLayersArePrunable() {
        assertThat(new ChannelFlow(PruningNetworks.resnet8()).prunableConvolutions())
                .containsExactly("stage1.block1.conv1", "stage2.block1.conv1", "stage3.block1.conv1");
        assertThat(new ChannelFlow(PruningNetworks.vgg(true, VggFinalPool.FLATTEN)).prunableConvolutions())
                .containsExactly("conv1", "conv2", "conv3");
    }

    @Test
    void theCompressionRecordsKeptChannelsAndTheNarrowerCounts() {
        NetworkSpec spec = PruningNetworks.vgg(false, VggFinalPool.FLATTEN);
        Compression compression = ChannelPruner.prune(PruningNetworks.randomised(spec, 3),
                Map.of("conv2", List.of(1, 2, 6)), CONTEXT, new L1FilterDetails(Map.of()));
        assertThat(compression.keptChannels()).containsOnlyKeys("conv2").containsEntry("conv2", List.of(1, 2, 6));
        // conv1 1->8 (3x3, bias), conv2 8->3, conv3 3->12, fc1 12*2*2->6, logits 6->3.
        long expected = (8 * 9 + 8) + (3 * 8 * 9 + 3) + (12 * 3 * 9 + 12) + (48 * 6 + 6) + (6 * 3 + 3);
        assertThat(compression.after().parameters()).isEqualTo(expected);
        assertThat(compression.before().parameters()).isEqualTo(spec.statistics().parameters());
        assertThat(compression.network().spec().node("conv2").orElseThrow())
                .isEqualTo(new NodeSpec.Conv2d("conv2", "conv1.relu", 3, 3, 1, 1, true));
    }

    @Test
    void badKeptChannelsAreRejectedWithTheReason() {
        Network vgg = PruningNetworks.randomised(PruningNetworks.vgg(false, VggFinalPool.FLATTEN), 3);
        assertThatThrownBy(() -> ChannelPruner.prune(vgg, Map.of("conv2", List.of()), CONTEXT, new L1FilterDetails(Map.of())))
                .hasMessageContaining("'conv2' would keep no filter");
        assertThatThrownBy(() -> ChannelPruner.prune(vgg, Map.of("conv2", List.of(3, 1)), CONTEXT, new L1FilterDetails(Map.of())))
                .hasMessageContaining("ascending, distinct and in [0, 8)");
        assertThatThrownBy(() -> ChannelPruner.prune(vgg, Map.of("logits", List.of(0)), CONTEXT, new L1FilterDetails(Map.of())))
                .hasMessageContaining("prunable convolutions: [conv1, conv2, conv3]");
        Network resnet = PruningNetworks.randomised(PruningNetworks.resnet8(), 3);
        assertThatThrownBy(() -> ChannelPruner.prune(resnet, Map.of("stage1.block1.conv2", List.of(0)), CONTEXT,
                new L1FilterDetails(Map.of()))).hasMessageContaining("reach a residual addition");
    }

    private static void assertPrunedEqualsMasked(NetworkSpec spec, Map<String, List<Integer>> kept) {
        Network original = PruningNetworks.randomised(spec, 11);
        Network pruned = ChannelPruner.prune(original, new LinkedHashMap<>(kept), CONTEXT, new L1FilterDetails(Map.of())).network();
        mask(original, kept);
        INDArray images = PruningNetworks.images(5, 2);
        INDArray expected = PruningNetworks.logits(original, images);
        INDArray actual = PruningNetworks.logits(pruned, images);
        assertThat(expected.sub(actual).amaxNumber().doubleValue())
                .as("max |masked - pruned| (logits up to %s)", expected.amaxNumber()).isLessThan(1e-5);
        assertThat(expected.amaxNumber().doubleValue()).isGreaterThan(1e-2);
    }

    /** Zeroes the removed filters, their biases and the scale and shift of the batch norm after them. */
    private static void mask(Network network, Map<String, List<Integer>> kept) {
        kept.forEach((convolution, channels) -> {
            long filters = NetworkWeights.get(network, convolution, NetworkWeights.WEIGHT).size(0);
            for (int filter = 0; filter < filters; filter++) {
                if (channels.contains(filter)) {
                    continue;
                }
                INDArray weights = NetworkWeights.get(network, convolution, NetworkWeights.WEIGHT);
                double[] values = weights.dup('c').data().asDouble();
                int perFilter = values.length / (int) filters;
                Arrays.fill(values, filter * perFilter, (filter + 1) * perFilter, 0);
                NetworkWeights.set(network, convolution, NetworkWeights.WEIGHT,
                        Nd4j.create(values, weights.shape(), 'c'));
                zero(network, convolution, NetworkWeights.BIAS, filter);
                for (String consumer : network.spec().consumers(convolution)) {
                    if (network.spec().node(consumer).orElseThrow() instanceof NodeSpec.BatchNorm) {
                        zero(network, consumer, NetworkWeights.GAMMA, filter);
                        zero(network, consumer, NetworkWeights.BETA, filter);
                    }
                }
            }
        });
    }

    private static void zero(Network network, String vertex, String key, int channel) {
        if (NetworkWeights.has(network, vertex, key)) {
            INDArray value = NetworkWeights.get(network, vertex, key);
            value.putScalar(channel, 0);
        }
    }
}
