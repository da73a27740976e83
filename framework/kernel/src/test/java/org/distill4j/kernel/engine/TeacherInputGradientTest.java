package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradients;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The teacher's {@code input.gradient} in training: computed by the trainer, refused for BatchNorm teachers. */
class TeacherInputGradientTest {

    /** Cross-entropy, reporting {@code mean_b |J_T,b|^2} of the teacher's input gradient. */
    static final class TeacherGradientNorm implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of(InputGradients.INPUT_GRADIENT);
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable teacher = graph.teacher(InputGradients.INPUT_GRADIENT);
            SDVariable norms = teacher.mul(teacher).sum(1, 2, 3).mean();
            graph.reportTerm("teacher-gradient", norms);
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits"), graph.labels())
                    .add(norms.mul(0));
        }
    }

    @Test
    void theTrainerFeedsTheTeachersInputGradient() {
        Dataset data = TinyNetworks.data(3, 48, 12, 12, 7);
        TrainableGraph teacher = withoutBatchNorm(2);
        INDArray expected = teacher.inputGradient(data.train().features(), data.train().labels())
                .castTo(DataType.DOUBLE);
        double meanSquares = expected.mul(expected).sumNumber().doubleValue() / 48;

        TrainingOutcome outcome = train(TinyNetworks.convolutional(3, 3, false), teacher, data);

        assertThat(outcome.epochs().get(0).terms().get("teacher-gradient")).isCloseTo(meanSquares,
                within(1e-5 * meanSquares));
    }

    @Test
    void aTeacherWithBatchNormCannotGiveItsInputGradient() {
        Dataset data = TinyNetworks.data(3, 48, 12, 12, 7);

        assertThatThrownBy(() -> train(TinyNetworks.convolutional(3, 3, false), TinyNetworks.convolutional(4, 3, false),
                data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the loss reads the teacher's 'input.gradient', but the teacher has batch"
                        + " normalization or dropout (bn): DL4J back-propagates batch norm only with the batch"
                        + " statistics of training mode")
                .hasMessageContaining("use a teacher without batch norm and dropout");
    }

    /** conv3x3(4)-ReLU-maxpool-dense on 1x8x8: the same forward in training and inference mode. */
    private static TrainableGraph withoutBatchNorm(long seed) {
        NetworkSpec spec = new NetworkSpec("plain", new InputShape(1, 8, 8), List.of(
                new NodeSpec.Conv2d("conv", NetworkSpec.INPUT, 4, 3, 1, 1, true),
                new NodeSpec.Relu("relu", "conv"),
                new NodeSpec.MaxPool("pool", "relu", 2, 2),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "pool", 3, true)));
        TrainableGraph graph = new TrainableGraph(GraphBuilder.configure(spec, GraphSettings.inference(seed)));
        graph.init();
        return graph;
    }

    private static TrainingOutcome train(TrainableGraph student, TrainableGraph teacher, Dataset data) {
        TensorShape image = TensorShape.map(1, 8, 8);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("probe", new TeacherGradientNorm(), 1.0)),
                Map.of("logits", TensorShape.vector(3), NetworkSpec.INPUT, image), Map.of(NetworkSpec.INPUT, image), 3);
        TrainingSettings settings = new TrainingSettings(1, 48, new SgdOptimizer(new SgdParams(0.05, 0.9, false, 0)),
                new ConstantSchedule(), Augmentation.NONE, Selection.LAST, false);
        return new Trainer(ProgressListener.SILENT).train(student, Optional.of(teacher), loss, data, settings,
                TrainableGraph.UpdateHook.NONE, 5);
    }
}
