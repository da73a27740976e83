package org.distill4j.plugin.fskd;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.network.Network;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.distill4j.plugin.fskd.FskdTestNetworks.FACTORY;

/** The engine's back-propagated gradients against central finite differences, on a float64 copy of the graph. */
class FewSampleGradientsTest {

    private static final double STEP = 1e-6;

    @Test
    void blockLossGradientOfQAndConvWeightsMatchesFiniteDifferences() {
        Network folded = FskdFolding.fold(FskdTestNetworks.tinyWithBatchNorm(4, 51), FACTORY, 1).network();
        Network withQ = FskdQLayers.insert(folded, List.of("conv1", "conv2"), FACTORY, 2);
        FskdTappedNetwork tapped = FskdTappedNetwork.of(withQ, List.of("conv1.q", "conv2.q"), FACTORY, 3);
        ComputationGraph graph = tapped.network().graph().convertDataType(DataType.DOUBLE);
        INDArray images = images();
        Nd4j.getRandom().setSeed(5);
        FewSampleBatch batch = new FewSampleBatch(images, new int[6], List.of(
                Nd4j.randn(DataType.DOUBLE, 6, 4, 8, 8), Nd4j.randn(DataType.DOUBLE, 6, 8, 4, 4)));
        FskdBlockLoss loss = new FskdBlockLoss(List.of(tapped.index("conv1.q"), tapped.index("conv2.q")));

        assertGradientsMatch(graph, batch, loss, "conv1.q", "W");
        assertGradientsMatch(graph, batch, loss, "conv2.q", "W");
        assertGradientsMatch(graph, batch, loss, "conv1", "W");
        assertGradientsMatch(graph, batch, loss, "conv1", "b");
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        Network folded = FskdFolding.fold(FskdTestNetworks.tinyWithBatchNorm(4, 52), FACTORY, 1).network();
        ComputationGraph graph = FskdTappedNetwork.of(folded, List.of(), FACTORY, 3).network().graph()
                .convertDataType(DataType.DOUBLE);
        FewSampleBatch batch = new FewSampleBatch(images(), new int[] {0, 1, 2, 0, 1, 2}, List.of());
        FewSampleCrossEntropy loss = new FewSampleCrossEntropy();

        assertGradientsMatch(graph, batch, loss, "logits", "W");
        assertGradientsMatch(graph, batch, loss, "conv2", "W");
        assertGradientsMatch(graph, batch, loss, "conv1", "b");
    }

    @Test
    void crossEntropyOfUniformLogitsIsLogOfTheClassCount() {
        INDArray logits = Nd4j.zeros(DataType.FLOAT, 2, 3);
        FewSampleLoss loss = new FewSampleCrossEntropy().evaluate(new INDArray[] {logits},
                new FewSampleBatch(Nd4j.zeros(2, 1, 1, 1), new int[] {0, 2}, List.of()));
        assertThat(loss.value()).isCloseTo(Math.log(3), org.assertj.core.data.Offset.offset(1e-9));
        // (1/3 - 1) / 2 for the label, 1/3 / 2 elsewhere.
        assertThat(loss.errors()[0].getDouble(0, 0)).isCloseTo(-1.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(loss.errors()[0].getDouble(0, 1)).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-6));
    }

    private static void assertGradientsMatch(ComputationGraph graph, FewSampleBatch batch, FewSampleObjective loss,
            String vertex, String key) {
        FewSampleStep step = FewSampleGradients.compute(graph, batch, loss);
        INDArray analytic = step.gradients().get(vertex + "_" + key);
        assertThat(analytic).as("gradient of %s_%s among %s", vertex, key, step.gradients().keySet()).isNotNull();
        INDArray parameter = graph.getLayer(vertex).getParam(key);
        long length = parameter.length();
        for (long index = 0; index < length; index += Math.max(1, length / 7)) {
            // Subscripts, not linear indices: DL4J's dense weights are 'f'-ordered views, and ND4J's linear index
            // follows each array's own order.
            long[] position = Shape.ind2subC(parameter, index);
            double original = parameter.getDouble(position);
            parameter.putScalar(position, original + STEP);
            double plus = FewSampleGradients.loss(graph, batch, loss);
            parameter.putScalar(position, original - STEP);
            double minus = FewSampleGradients.loss(graph, batch, loss);
            parameter.putScalar(position, original);
            double numeric = (plus - minus) / (2 * STEP);
            double expected = analytic.reshape(parameter.shape()).getDouble(position);
            assertThat(expected).as("d loss / d %s_%s%s", vertex, key, java.util.Arrays.toString(position))
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6 + 1e-4 * Math.abs(numeric)));
        }
    }

    private static INDArray images() {
        return TinyData.dataset(3, 6, 3, 9).train().features().castTo(DataType.DOUBLE);
    }
}
