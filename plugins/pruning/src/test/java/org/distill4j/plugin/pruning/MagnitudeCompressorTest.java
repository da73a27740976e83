package org.distill4j.plugin.pruning;

import org.distill4j.api.Compression;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.testkit.TinyCompressionContext;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MagnitudeCompressorTest {

    private static final List<String> LAYERS = List.of("conv1", "conv2", "conv3", "fc1", "logits");

    @Test
    void theOneShotPrunedNetworkComputesWhatTheTeacherComputesWithItsWeightsMasked() {
        NetworkSpec spec = PruningNetworks.vgg(true, VggFinalPool.FLATTEN);
        Network teacher = PruningNetworks.randomised(spec, 3);
        INDArray teacherBefore = teacher.graph().params().dup();
        TinyCompressionContext context = new TinyCompressionContext(TinyData.dataset(3, 12, 6, 1), 5);

        Compression compression = new MagnitudeCompressor(new MagnitudeParams(1, 0.5, MagnitudeScope.GLOBAL))
                .compress(teacher, context);

        assertThat(masks(compression).keySet()).containsExactlyElementsOf(LAYERS);
        assertThat(teacher.graph().params()).as("the teacher is left as it was").isEqualTo(teacherBefore);
        Network masked = new Network(spec, teacher.graph().clone());
        masks(compression).forEach((layer, mask) ->
                NetworkWeights.get(masked, layer, NetworkWeights.WEIGHT).muli(mask));
        INDArray images = PruningNetworks.images(5, 9);
        assertThat(PruningNetworks.logits(compression.network(), images))
                .isEqualTo(PruningNetworks.logits(masked, images));
        assertThat(context.retrained()).as("one round: its retraining is the run's").isEmpty();
        long weights = masks(compression).values().stream().mapToLong(INDArray::length).sum();
        assertThat(details(compression).sparsity()).isCloseTo(0.5, within(0.5 / weights));
        assertThat(compression.after().parameters()).isEqualTo(compression.before().parameters() - weights / 2);
        assertThat(compression.after().multiplyAccumulates()).isLessThan(compression.before().multiplyAccumulates());
    }

    @Test
    void roundsRetrainBetweenPrunesAndThePrunedWeightsStayZeroWhileTheRestKeepLearning() {
        Network teacher = PruningNetworks.randomised(PruningNetworks.vgg(true, VggFinalPool.FLATTEN), 3);
        TinyCompressionContext context = new TinyCompressionContext(TinyData.dataset(3, 48, 6, 1), 5);

        Compression compression = new MagnitudeCompressor(new MagnitudeParams(3, 0.2, MagnitudeScope.GLOBAL))
                .compress(teacher, context);

        assertThat(context.retrained()).containsExactly("prune-round-1", "prune-round-2");
        long total = 0;
        long kept = 0;
        for (String layer : LAYERS) {
            INDArray weight = NetworkWeights.get(compression.network(), layer, NetworkWeights.WEIGHT);
            INDArray mask = masks(compression).get(layer);
            assertThat(mask.shape()).isEqualTo(weight.shape());
            assertThat(weight.mul(mask.rsub(1)).amaxNumber().doubleValue()).as(layer + " pruned").isZero();
            long survivors = weight.neq(0).castTo(org.nd4j.linalg.api.buffer.DataType.INT64).sumNumber().longValue();
            assertThat(survivors).as(layer + " survivors").isEqualTo(mask.sumNumber().longValue());
            total += weight.length();
            kept += survivors;
        }
        assertThat((double) kept).isCloseTo(total * Math.pow(0.8, 3), within((double) LAYERS.size()));
        List<MagnitudeDetails.Round> history = details(compression).history();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).testAccuracy()).isNotNull();
        assertThat(history.get(0).validationAccuracy()).isNotNull();
        assertThat(history.get(0).layers()).containsOnlyKeys(LAYERS);
        assertThat(history.get(2).testAccuracy()).as("the last round is retrained by the run").isNull();
        assertThat(context.reported()).anyMatch(line -> line.startsWith("magnitude round 2: sparsity 36.0")
                && line.contains(" conv1 ") && line.contains(" logits "));
        assertThat(context.reported()).anyMatch(line -> line.startsWith("magnitude round 1 of 3 retrained 1 epochs"));
    }

    @Test
    void aSparseTeacherContinuesItsPruningFromItsZeroWeights() {
        Network teacher = PruningNetworks.randomised(PruningNetworks.vgg(true, VggFinalPool.FLATTEN), 3);
        TinyCompressionContext context = new TinyCompressionContext(TinyData.dataset(3, 12, 6, 1), 5);
        Compression first = new MagnitudeCompressor(new MagnitudeParams(1, 0.2, MagnitudeScope.GLOBAL))
                .compress(teacher, context);

        Compression second = new MagnitudeCompressor(new MagnitudeParams(1, 0.2, MagnitudeScope.GLOBAL))
                .compress(first.network(), context);

        assertThat(details(second).initialSparsity()).isEqualTo(details(first).sparsity());
        long keptFirst = masks(first).values().stream().mapToLong(mask -> mask.sumNumber().longValue()).sum();
        long keptSecond = masks(second).values().stream().mapToLong(mask -> mask.sumNumber().longValue()).sum();
        assertThat(keptSecond).isEqualTo(keptFirst - Math.round(0.2 * keptFirst));
        masks(second).forEach((layer, mask) -> assertThat(mask.sub(masks(first).get(layer)).maxNumber()
                .doubleValue()).as(layer + ": nothing pruned comes back").isLessThanOrEqualTo(0));
        assertThat(context.reported()).anyMatch(line -> line.startsWith("magnitude: the teacher is 20.0"));
    }

    @Test
    void layerWisePruningGivesEveryLayerTheSameSparsity() {
        Network teacher = PruningNetworks.randomised(PruningNetworks.vgg(true, VggFinalPool.FLATTEN), 3);
        Compression compression = new MagnitudeCompressor(new MagnitudeParams(1, 0.3, MagnitudeScope.LAYER_WISE))
                .compress(teacher, new TinyCompressionContext(TinyData.dataset(3, 12, 6, 1), 5));
        masks(compression).forEach((layer, mask) -> assertThat(1 - mask.sumNumber().doubleValue() / mask.length())
                .as(layer).isCloseTo(0.3, within(0.5 / mask.length())));
    }

    private static MagnitudeDetails details(Compression compression) {
        return (MagnitudeDetails) compression.details();
    }

    /** The masks the compression hands to every later training of the student. */
    private static Map<String, INDArray> masks(Compression compression) {
        return ((MagnitudeWeightMasks) compression.training()).masks();
    }

}
