package org.distill4j.plugin.pruning;

import org.distill4j.api.Compression;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.testkit.TinyCompressionContext;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressorsTest {

    private final TinyCompressionContext context = new TinyCompressionContext(TinyData.dataset(3, 12, 6, 1), 5);

    @Test
    void l1FilterKeepsTheFiltersWithTheLargestL1NormsInTheirOrder() {
        NetworkSpec spec = PruningNetworks.vgg(false, VggFinalPool.FLATTEN);
        Network teacher = PruningNetworks.randomised(spec, 4);
        // conv2 has 8 filters of 8 x 3 x 3 weights: filter f gets |w| = norms[f] spread evenly.
        double[] norms = {5, 1, 7, 3, 3, 9, 0.5, 2};
        double[] weights = new double[8 * 72];
        for (int filter = 0; filter < 8; filter++) {
            for (int i = 0; i < 72; i++) {
                weights[filter * 72 + i] = (i % 2 == 0 ? 1 : -1) * norms[filter] / 72;
            }
        }
        NetworkWeights.set(teacher, "conv2", NetworkWeights.WEIGHT, Nd4j.create(weights, new long[] {8, 8, 3, 3}, 'c'));
        Compression compression = new L1FilterCompressor(new L1FilterParams(0.5, List.of("conv2"), List.of()))
                .compress(teacher, context);
        // The four largest are 9 (5), 7 (2), 5 (0) and 3 (3 and 4 tie: the lower index wins).
        assertThat(compression.keptChannels()).containsExactly(Map.entry("conv2", List.of(0, 2, 3, 5)));
        assertThat(context.reported()).contains("l1-filter conv2: keeps 4 of 8 filters");
    }

    @Test
    void l1FilterAppliesTheCommonRatioToItsLayersAndThePerLayerOverrides() {
        Network teacher = PruningNetworks.randomised(PruningNetworks.vgg(false, VggFinalPool.FLATTEN), 4);
        Compression compression = new L1FilterCompressor(new L1FilterParams(0.5, List.of(),
                List.of(new LayerRatio("conv3", 0.75)))).compress(teacher, context);
        assertThat(compression.keptChannels()).containsOnlyKeys("conv1", "conv2", "conv3");
        assertThat(compression.keptChannels().get("conv1")).hasSize(4);
        assertThat(compression.keptChannels().get("conv3")).hasSize(3);
        assertThat(compression.after().parameters()).isLessThan(compression.before().parameters());
        assertThat(compression.after().multiplyAccumulates()).isLessThan(compression.before().multiplyAccumulates());
    }

    @Test
    void l1FilterRejectsLayersThatCannotLoseFiltersListingThoseThatCan() {
        Network resnet = PruningNetworks.randomised(PruningNetworks.resnet8(), 4);
        assertThatThrownBy(() -> new L1FilterCompressor(new L1FilterParams(0.5, List.of("stage1.block1.conv2"),
                List.of())).compress(resnet, context))
                .hasMessageContaining("layers names 'stage1.block1.conv2'")
                .hasMessageContaining("prunable: [stage1.block1.conv1, stage2.block1.conv1, stage3.block1.conv1]");
        assertThatThrownBy(() -> new LayerRatio("conv1", 1.0)).hasMessageContaining("must be in [0, 1)");
    }

    @Test
    void keepTruncatesLikeTheReferenceCodeButNeverEmptiesALayer() {
        assertThat(PruningRatios.keep(16, 0.5)).isEqualTo(8);
        assertThat(PruningRatios.keep(10, 0.35)).isEqualTo(6);
        assertThat(PruningRatios.keep(3, 0.9)).isEqualTo(1);
    }

    @Test
    void slimmingUsesOneGlobalThresholdAndKeepsTheLargestChannelOfALayerItWouldEmpty() {
        Network teacher = PruningNetworks.randomised(PruningNetworks.vgg(true, VggFinalPool.FLATTEN), 4);
        gammas(teacher, "conv1.bn", 0.9, -0.8, 0.01, 0.02, 0.7, 0.03, -0.6, 0.5);
        gammas(teacher, "conv2.bn", 0.04, 0.05, 0.06, 0.07, -0.08, 0.09, 0.1, 0.11);
        gammas(teacher, "conv3.bn", 0.4, 0.2, 0.3, 0.35, 0.25, 0.45, 0.15, 0.12, 0.13, 0.14, 0.16, 0.17);
        // 28 values; percent 0.5 -> threshold is the 15th smallest |gamma|, 0.15.
        Compression compression = new NetworkSlimmingCompressor(new NetworkSlimmingParams(0.5)).compress(teacher,
                context);
        assertThat(((NetworkSlimmingDetails) compression.details()).threshold()).isEqualTo(0.15000000596046448);
        assertThat(compression.keptChannels().get("conv1")).containsExactly(0, 1, 4, 6, 7);
        assertThat(compression.keptChannels().get("conv2")).containsExactly(7);
        assertThat(compression.keptChannels().get("conv3")).containsExactly(0, 1, 2, 3, 4, 5, 10, 11);
    }

    @Test
    void slimmingNeedsBatchNorms() {
        Network teacher = PruningNetworks.randomised(PruningNetworks.vgg(false, VggFinalPool.FLATTEN), 4);
        assertThatThrownBy(() -> new NetworkSlimmingCompressor(new NetworkSlimmingParams(0.5)).compress(teacher,
                context)).hasMessageContaining("needs batch norms after prunable convolutions");
    }

    private static void gammas(Network network, String vertex, double... values) {
        NetworkWeights.set(network, vertex, NetworkWeights.GAMMA, Nd4j.create(values));
    }
}
