package org.distill4j.plugin.pruning;

import org.distill4j.api.TrainingHook;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.testkit.TinyCompressionContext;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagnitudeWeightMasksTest {

    @Test
    void prunedWeightsStayExactlyZeroThroughTrainingWithMomentumAndWeightDecayWhileTheOthersLearn() {
        Network network = PruningNetworks.randomised(PruningNetworks.vgg(true, VggFinalPool.FLATTEN), 3);
        Map<String, INDArray> masks = halfMasks(network);
        INDArray convolutionBefore = NetworkWeights.copy(network, "conv1", NetworkWeights.WEIGHT);

        // The kernel's trainer with SGD, momentum 0.9 and weight decay, and the hook around every update.
        new TinyCompressionContext(TinyData.dataset(3, 48, 6, 1), 5)
                .retrain(network, new MagnitudeWeightMasks(masks), "masked");

        masks.forEach((vertex, mask) -> {
            INDArray weight = NetworkWeights.get(network, vertex, NetworkWeights.WEIGHT);
            assertThat(weight.mul(mask.rsub(1)).amaxNumber().doubleValue()).as(vertex).isZero();
            assertThat(weight.mul(mask).neq(0).castTo(DataType.INT32).sumNumber().longValue())
                    .as(vertex + " survivors").isEqualTo(mask.sumNumber().longValue());
        });
        assertThat(NetworkWeights.get(network, "conv1", NetworkWeights.WEIGHT)).isNotEqualTo(convolutionBefore);
    }

    @Test
    void withoutTheHookTheZeroedWeightsGrowBack() {
        Network network = PruningNetworks.randomised(PruningNetworks.vgg(true, VggFinalPool.FLATTEN), 3);
        Map<String, INDArray> masks = halfMasks(network);
        new MagnitudeWeightMasks(masks).start(network.graph());

        new TinyCompressionContext(TinyData.dataset(3, 48, 6, 1), 5).retrain(network, TrainingHook.NONE, "unmasked");

        INDArray weight = NetworkWeights.get(network, "conv1", NetworkWeights.WEIGHT);
        assertThat(weight.mul(masks.get("conv1").rsub(1)).amaxNumber().doubleValue()).isGreaterThan(0);
    }

    @Test
    void aMaskOfAnotherShapeOrOnAVertexWithoutWeightsIsRefused() {
        Network network = PruningNetworks.randomised(PruningNetworks.vgg(true, VggFinalPool.FLATTEN), 3);
        long[] shape = NetworkWeights.get(network, "conv1", NetworkWeights.WEIGHT).shape();
        assertThatThrownBy(() -> new MagnitudeWeightMasks(Map.of("conv1", Nd4j.ones(shape[0], shape[1], 2, 2)))
                .start(network.graph())).hasMessageContaining("the mask of 'conv1' has shape [" + shape[0] + ", "
                + shape[1] + ", 2, 2] but the weight has " + java.util.Arrays.toString(shape));
        String relu = network.spec().nodes().stream().filter(NodeSpec.Relu.class::isInstance).findFirst()
                .orElseThrow().name();
        assertThatThrownBy(() -> new MagnitudeWeightMasks(Map.of(relu, Nd4j.ones(1))).start(network.graph()))
                .hasMessageContaining("vertex '" + relu + "', which has no weight W");
    }

    /** Every other weight of the first convolution and the classifier masked. */
    private static Map<String, INDArray> halfMasks(Network network) {
        Map<String, INDArray> masks = new LinkedHashMap<>();
        for (String vertex : List.of("conv1", "logits")) {
            INDArray weight = NetworkWeights.get(network, vertex, NetworkWeights.WEIGHT);
            double[] values = new double[(int) weight.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 2;
            }
            masks.put(vertex, Nd4j.create(values, weight.shape(), 'c').castTo(weight.dataType()));
        }
        return masks;
    }
}
