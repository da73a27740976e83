package org.distill4j.plugin.fsp;

import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FspParamsTest {

    @Test
    void theDescriptorShapeBindsWithTheTeacherDefaultingToTheStudentsNames() {
        FspParams params = bind("{pairs: [{student: [stem.relu, stage1.output]}, {student: [stage1.output,"
                + " stage2.output], teacher: [stage1.output, stage3.output]}], weights: [1, 0.5], mode: paper}")
                .value().orElseThrow();

        assertThat(params.pairs()).containsExactly(new FspPair("stem.relu", "stage1.output"),
                new FspPair(List.of("stage1.output", "stage2.output"), List.of("stage1.output", "stage3.output")));
        assertThat(params.pairs().get(0).teacher()).containsExactly("stem.relu", "stage1.output");
        assertThat(params.weights()).containsExactly(1.0, 0.5);
        assertThat(params.mode()).isEqualTo(FspMode.PAPER);
    }

    @Test
    void weightsDefaultToOneEachAndModeToCode() {
        FspParams params = bind("{pairs: [{student: [a, b]}, {student: [b, c]}]}").value().orElseThrow();

        assertThat(params.weights()).containsExactly(1.0, 1.0);
        assertThat(params.mode()).isEqualTo(FspMode.CODE);
    }

    @Test
    void badValuesAreProblemsAtTheirPath() {
        assertThat(bind("{pairs: [{student: [a, b]}], weights: [0]}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("weights").contains("> 0"));
        assertThat(bind("{pairs: [{student: [a, b, c]}]}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("two student feature maps"));
    }

    @Test
    void pairsAreRequiredDistinctAndNameTwoVerticesEach() {
        assertThatThrownBy(() -> new FspParams(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs needs at least one {student: [first, second]}");
        FspPair pair = new FspPair("a", "b");
        assertThatThrownBy(() -> new FspParams(List.of(pair, pair))).hasMessage("pair (a, b) is listed twice");
        assertThatThrownBy(() -> new FspPair(List.of("a"), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an FSP pair names two student feature maps [first, second], e.g. [stem.relu,"
                        + " stage1.output], got [a]");
        assertThatThrownBy(() -> new FspPair(List.of("a", "b"), List.of("a", " ")))
                .hasMessageContaining("two teacher feature maps");
    }

    @Test
    void weightsGiveOnePositiveValuePerPair() {
        List<FspPair> pairs = List.of(new FspPair("a", "b"), new FspPair("b", "c"));

        assertThatThrownBy(() -> new FspParams(pairs, List.of(1.0), FspMode.CODE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights gives 1 values for 2 pairs; give one weight per pair, in the order of pairs, or"
                        + " leave weights out for all 1");
        assertThatThrownBy(() -> new FspParams(pairs, List.of(1.0, -2.0), FspMode.CODE))
                .hasMessage("weights must be finite and > 0, got [1.0, -2.0]");
    }

    @Test
    void aPairNamesItsTeacherOnlyWhenItDiffers() {
        assertThat(new FspPair("a", "b")).hasToString("(a, b)");
        assertThat(new FspPair(List.of("a", "b"), List.of("c", "d"))).hasToString("(a, b) <- (c, d)");
    }

    private static Binding<FspParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), FspParams.class, "params",
                Path.of(""));
    }
}
