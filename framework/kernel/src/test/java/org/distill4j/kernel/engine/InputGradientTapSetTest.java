package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradientTap;
import org.distill4j.api.InputGradients;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.TensorShape;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tap provider: input-gradient taps a distiller defines ({@link Distiller#inputGradientTaps()}) are computed at
 * the distiller's transform of the batch, are the student's only, and one name has one definition per experiment.
 */
class InputGradientTapSetTest {

    private static final int CLASSES = 3;
    private static final TensorShape IMAGE = TensorShape.map(1, 2, 3);
    private static final String SCALED = "scaled-input.gradient";

    /** Defines {@code taps} and reads {@code studentTaps} and {@code teacherTaps}; its loss is the cross-entropy. */
    private record Definer(List<InputGradientTap> taps, Set<String> studentTaps, Set<String> teacherTaps)
            implements Distiller {

        static Definer scaling(String tap) {
            return new Definer(List.of(new InputGradientTap(tap, x -> x.mul(-0.5).addi(0.25))), Set.of("logits", tap),
                    Set.of());
        }

        @Override
        public List<InputGradientTap> inputGradientTaps() {
            return taps;
        }

        @Override
        public SDVariable defineLoss(LossGraph graph) {
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits"), graph.labels());
        }
    }

    @Test
    void aDefinedTapIsTheInputGradientAtTheTransformedBatch() {
        TrainableGraph graph = TinyNetworks.smooth(5, CLASSES, false, 0);
        INDArray features = InputGradientTest.random(31, 4, 1, 2, 3);
        int[] labels = {0, 2, 1, 1};
        CompiledLoss loss = compile(new Objective("scaling", Definer.scaling(SCALED), 1.0));
        InputGradientTerm term = new InputGradientTerm(graph, loss.inputGradientTaps(), 1e-3);

        INDArray computed = term.inputGradients(term.points(features), labels, 7).get(SCALED);

        INDArray transformed = features.mul(-0.5).addi(0.25);
        assertThat(loss.studentTaps()).containsExactly("logits");
        assertThat(computed.equalsWithEps(graph.inputGradient(transformed, labels), 1e-12)).isTrue();
        assertThat(computed.equalsWithEps(graph.inputGradient(features, labels), 1e-3)).isFalse();
    }

    @Test
    void aTransformThatChangesTheShapeIsRefused() {
        TrainableGraph graph = TinyNetworks.smooth(5, CLASSES, false, 0);
        Definer cropping = new Definer(List.of(new InputGradientTap(SCALED, x -> x.reshape(x.size(0), -1))),
                Set.of("logits", SCALED), Set.of());
        InputGradientTerm term = new InputGradientTerm(graph,
                compile(new Objective("cropping", cropping, 1.0)).inputGradientTaps(), 1e-3);

        assertThatThrownBy(() -> term.points(InputGradientTest.random(32, 4, 1, 2, 3)))
                .hasMessageContaining("the transform of input-gradient tap 'scaled-input.gradient' turned a"
                        + " [4, 1, 2, 3] batch into [4, 6]");
    }

    @Test
    void aTeacherCannotReadATapADistillerDefines() {
        Definer reader = new Definer(List.of(), Set.of("logits"), Set.of(SCALED));

        assertThatThrownBy(() -> compile(new Objective("scaling", Definer.scaling(SCALED), 1.0),
                new Objective("reader", reader, 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distiller 'reader' reads the teacher's 'scaled-input.gradient', an input-gradient tap"
                        + " that distiller 'scaling' defines for the student only; read the teacher's"
                        + " 'input.gradient' and transform it in the loss");
    }

    @Test
    void twoDistillersCannotDefineOneTapName() {
        assertThatThrownBy(() -> InputGradientTapSet.of(List.of(
                new Objective("first", Definer.scaling(SCALED), 1.0),
                new Objective("second", Definer.scaling(SCALED), 1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("distillers 'first' and 'second' both define the input-gradient tap"
                        + " 'scaled-input.gradient'");
    }

    @Test
    void theSameDistillerListedTwiceKeepsItsDefinition() {
        InputGradientTapSet taps = InputGradientTapSet.of(List.of(
                new Objective("scaling", Definer.scaling(SCALED), 1.0),
                new Objective("scaling", Definer.scaling(SCALED), 0.5)));

        assertThat(taps.names()).containsExactly(InputGradients.INPUT_GRADIENT, SCALED);
    }

    @Test
    void aDefinedTapCannotTakeTheBuiltInName() {
        assertThatThrownBy(() -> InputGradientTapSet.of(List.of(
                new Objective("renaming", Definer.scaling(InputGradients.INPUT_GRADIENT), 1.0))))
                .hasMessageStartingWith("distiller 'renaming' defines an input-gradient tap 'input.gradient', which"
                        + " is the kernel's own tap");
    }

    @Test
    void theBuiltInTapIsTheGradientAtTheBatchItself() {
        InputGradientTapSet taps = InputGradientTapSet.builtIn();

        INDArray batch = InputGradientTest.random(33, 2, 1, 2, 3);

        assertThat(taps.taps(List.of("logits", InputGradients.INPUT_GRADIENT))).singleElement()
                .satisfies(tap -> assertThat(tap.transform().apply(batch)).isSameAs(batch));
        assertThat(taps.teacherProblem("any", InputGradients.INPUT_GRADIENT)).isEmpty();
    }

    private static CompiledLoss compile(Objective... objectives) {
        return CompiledLoss.compile(List.of(objectives), Map.of("logits", TensorShape.vector(CLASSES), "input", IMAGE),
                Map.of("logits", TensorShape.vector(CLASSES), "input", IMAGE), CLASSES, DataType.DOUBLE);
    }
}
