package org.distill4j.kernel.engine;

import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightMasksTest {

    @Test
    void prunedWeightsStayExactlyZeroThroughTrainingWithMomentumAndWeightDecayWhileTheOthersLearn() {
        TrainableGraph graph = TinyNetworks.convolutional(3, 3, false);
        Map<String, INDArray> masks = halfMasks(graph);
        WeightMasks hook = new WeightMasks(masks, TrainableGraph.UpdateHook.NONE);
        hook.apply(graph);
        INDArray convolutionBefore = graph.getLayer("conv").getParam("W").dup();

        train(graph, hook);

        masks.forEach((vertex, mask) -> {
            INDArray weight = graph.getLayer(vertex).getParam("W");
            INDArray pruned = weight.mul(mask.rsub(1));
            assertThat(pruned.amaxNumber().doubleValue()).as(vertex).isZero();
            assertThat(weight.mul(mask).neq(0).castTo(org.nd4j.linalg.api.buffer.DataType.INT32).sumNumber()
                    .longValue()).as(vertex + " survivors").isEqualTo(mask.sumNumber().longValue());
        });
        assertThat(graph.getLayer("conv").getParam("W")).isNotEqualTo(convolutionBefore);
    }

    @Test
    void withoutTheHookTheZeroedWeightsGrowBack() {
        TrainableGraph graph = TinyNetworks.convolutional(3, 3, false);
        Map<String, INDArray> masks = halfMasks(graph);
        new WeightMasks(masks, TrainableGraph.UpdateHook.NONE).apply(graph);

        train(graph, TrainableGraph.UpdateHook.NONE);

        INDArray weight = graph.getLayer("conv").getParam("W");
        assertThat(weight.mul(masks.get("conv").rsub(1)).amaxNumber().doubleValue()).isGreaterThan(0);
    }

    @Test
    void aMaskOfAnotherShapeOrOnAVertexWithoutWeightsIsRefused() {
        TrainableGraph graph = TinyNetworks.convolutional(3, 3, false);
        assertThatThrownBy(() -> new WeightMasks(Map.of("conv", Nd4j.ones(4, 1, 2, 2)), TrainableGraph.UpdateHook.NONE)
                .apply(graph)).hasMessageContaining("the mask of 'conv' has shape [4, 1, 2, 2] but the weight has"
                + " [4, 1, 3, 3]");
        assertThatThrownBy(() -> new WeightMasks(Map.of("relu", Nd4j.ones(1)), TrainableGraph.UpdateHook.NONE)
                .apply(graph)).hasMessageContaining("vertex 'relu', which has no weight W");
    }

    /** Every other weight of the convolution and the classifier masked. */
    private static Map<String, INDArray> halfMasks(TrainableGraph graph) {
        Map<String, INDArray> masks = new java.util.LinkedHashMap<>();
        for (String vertex : List.of("conv", "logits")) {
            INDArray weight = graph.getLayer(vertex).getParam("W");
            double[] values = new double[(int) weight.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 2;
            }
            masks.put(vertex, Nd4j.create(values, weight.shape(), 'c').castTo(weight.dataType()));
        }
        return masks;
    }

    private static void train(TrainableGraph graph, TrainableGraph.UpdateHook hook) {
        Dataset data = TinyNetworks.data(3, 64, 0, 16, 5);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("ce", new TrainerTest.CrossEntropy(), 1.0)),
                Map.of("logits", TensorShape.vector(3)), Map.of(), 3);
        TrainingSettings settings = new TrainingSettings(2, 16,
                new SgdOptimizer(new SgdParams(0.05, 0.9, true, 5e-2)), new ConstantSchedule(),
                Augmentation.NONE, Selection.LAST, false);
        new Trainer(ProgressListener.SILENT).train(graph, Optional.empty(), loss, data, settings, hook, 1);
    }
}
