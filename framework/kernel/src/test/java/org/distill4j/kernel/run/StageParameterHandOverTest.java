package org.distill4j.kernel.run;

import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.ParameterInit;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.Objective;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StageParameterHandOverTest {

    private static final Map<String, TensorShape> SHAPES = Map.of("logits", TensorShape.vector(3));

    /** A stage that trains a parameter of its own, as factor transfer's paraphraser stage does. */
    static final class Trains implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable shift = graph.parameter("shift", new long[] {3}, ParameterInit.zeros());
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits").add(shift), graph.labels());
        }
    }

    /** A later loss that reads it fixed: cross-entropy of the logits shifted by the trained parameter. */
    static final class Reads implements Distiller {
        private final long[] shape;

        Reads(long... shape) {
            this.shape = shape;
        }

        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable shift = graph.trainedParameter("shift", shape);
            graph.reportTerm("shift", shift.sum());
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits").add(shift), graph.labels());
        }
    }

    @Test
    void theMainLossReadsTheValuesTheStageLeftFixed() {
        CompiledLoss stage = compile(new Trains());
        CompiledLoss main = compile(new Reads(3));
        StageParameterHandOver handOver = new StageParameterHandOver(List.of("paraphraser"), List.of(stage), main);
        handOver.check();
        INDArray trained = Nd4j.createFromArray(0.5f, -1.0f, 2.0f);
        stage.parameters().set("shift", trained);

        handOver.handOver(0);

        Map<String, INDArray> logits = Map.of("logits", Nd4j.createFromArray(new float[][] {{1, 2, 3}}));
        var value = main.evaluate(logits, Map.of(), new int[] {2});
        var reference = stage.evaluate(logits, Map.of(), new int[] {2});
        assertThat(value.terms().get("shift")).isCloseTo(1.5, within(1e-6));
        assertThat(value.loss()).isCloseTo(reference.loss(), within(1e-6));
        assertThat(value.parameterGradients()).as("a trained parameter is fixed, not trained again").isEmpty();
    }

    @Test
    void aParameterNoEarlierStageTrainsIsRefusedBeforeAnythingTrains() {
        CompiledLoss main = compile(new Reads(3));

        assertThatThrownBy(() -> new StageParameterHandOver(List.of(), List.of(), main).check())
                .hasMessageContaining("reads (the main training) reads the loss parameter 'shift' that an earlier"
                        + " stage trains, but no earlier stage declares it; it has no earlier stage")
                .hasMessageContaining("Add the stage that trains it before");
        assertThatThrownBy(() -> new StageParameterHandOver(List.of("paraphraser"), List.of(compile(new Reads(3))),
                compile(new Reads(3))).check()).hasMessageContaining("reads (stage paraphraser) reads the loss"
                + " parameter 'shift'").hasMessageContaining("it has no earlier stage");
    }

    @Test
    void aShapeOtherThanTheTrainedOneIsRefused() {
        CompiledLoss stage = compile(new Trains());

        assertThatThrownBy(() -> new StageParameterHandOver(List.of("paraphraser"), List.of(stage),
                compile(new Reads(1, 3))).check())
                .hasMessageContaining("reads the loss parameter 'shift' with shape [1, 3], but stage paraphraser"
                        + " trains it with shape [3]");
    }

    private static CompiledLoss compile(Distiller distiller) {
        return CompiledLoss.compile(List.of(new Objective(distiller instanceof Reads ? "reads" : "trains", distiller,
                1.0)), SHAPES, Map.of(), 3);
    }
}
