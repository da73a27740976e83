package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FrozenLayersTest {

    /** A loss on the ReLU tap only, like a hint or FSP stage that reads the student's middle. */
    static final class ActivationEnergy implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("relu");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable activation = graph.student("relu");
            return activation.mul(activation).mean();
        }
    }

    private static final Map<String, TensorShape> SHAPES = Map.of(
            "logits", TensorShape.vector(3), "relu", TensorShape.map(4, 8, 8));

    @Test
    void theAncestorsOfATapAreItAndEveryVertexBeforeIt() {
        TrainableGraph graph = TinyNetworks.convolutional(1, 3, true);

        assertThat(FrozenLayers.ancestors(graph, List.of("relu"))).containsExactlyInAnyOrder("relu", "bn", "conv", "input");
        assertThat(FrozenLayers.outside(graph, List.of("relu")).frozen()).containsExactly("logits");
        assertThat(FrozenLayers.outside(graph, List.of("logits")).frozen()).isEmpty();
    }

    @Test
    void aStageThatTrainsUpToItsTapLeavesTheLayersAfterItExactlyAsTheyWere() {
        TrainableGraph graph = TinyNetworks.convolutional(1, 3, true);
        INDArray classifierBefore = graph.getLayer("logits").params().dup();
        INDArray convolutionBefore = graph.getLayer("conv").params().dup();
        INDArray batchNormBefore = graph.getLayer("bn").params().dup();

        // Weight decay and momentum would move a layer whose loss gradient is zero; the hook must undo that too.
        train(graph, FrozenLayers.outside(graph, List.of("relu")));

        assertThat(graph.getLayer("logits").params()).isEqualTo(classifierBefore);
        assertThat(graph.getLayer("conv").params()).isNotEqualTo(convolutionBefore);
        assertThat(graph.getLayer("bn").params()).isNotEqualTo(batchNormBefore);
    }

    @Test
    void withoutTheHookWeightDecayMovesTheClassifierThatTheLossDoesNotRead() {
        TrainableGraph graph = TinyNetworks.convolutional(1, 3, true);
        INDArray classifierBefore = graph.getLayer("logits").params().dup();

        train(graph, TrainableGraph.UpdateHook.NONE);

        assertThat(graph.getLayer("logits").params()).isNotEqualTo(classifierBefore);
    }

    private static void train(TrainableGraph graph, TrainableGraph.UpdateHook hook) {
        Dataset data = TinyNetworks.data(3, 64, 0, 16, 5);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("energy", new ActivationEnergy(), 1.0)),
                SHAPES, Map.of(), 3);
        TrainingSettings settings = new TrainingSettings(2, 32,
                new SgdOptimizer(new SgdParams(0.05, 0.9, false, 5e-2)), new ConstantSchedule(),
                Augmentation.NONE, Selection.LAST, false);
        new Trainer(ProgressListener.SILENT).train(graph, Optional.empty(), loss, data, settings, hook, 1);
    }
}
