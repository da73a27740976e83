package org.distill4j.plugin.activationboundaries;

import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivationBoundariesParamsTest {

    private static final String PAIRS = "pairs: [{student: a, teacher: a}, {student: b, teacher: b},"
            + " {student: c, teacher: c}]";

    @Test
    void defaultsAreTheReferencesMarginBetaHalvingWeightsAndTheAuthorsConnector() {
        ActivationBoundariesParams params = bind("{" + PAIRS + "}").value().orElseThrow();

        assertThat(params.margin()).isEqualTo(1.0);
        assertThat(params.beta()).isEqualTo(1.0);
        assertThat(params.weights()).containsExactly(0.25, 0.5, 1.0);
        assertThat(params.mode()).isEqualTo(ActivationBoundariesMode.CODE);
        assertThat(params).isEqualTo(new ActivationBoundariesParams(List.of(pair("a"), pair("b"), pair("c"))));
    }

    @Test
    void givenValuesBind() {
        ActivationBoundariesParams params = bind("{" + PAIRS + ", weights: [1, 2, 3], margin: 0.5, beta: 2,"
                + " mode: repdistiller}").value().orElseThrow();

        assertThat(params.weights()).containsExactly(1.0, 2.0, 3.0);
        assertThat(params.margin()).isEqualTo(0.5);
        assertThat(params.beta()).isEqualTo(2.0);
        assertThat(params.mode()).isEqualTo(ActivationBoundariesMode.REPDISTILLER);
    }

    @Test
    void invalidValuesAreProblemsAtTheirPath() {
        assertThat(bind("{}").problems()).anySatisfy(problem -> assertThat(problem.toString()).contains("pairs"));
        assertThat(bind("{pairs: []}").problems()).anySatisfy(problem -> assertThat(problem.toString())
                .contains("pairs needs at least one {student: <vertex>, teacher: <vertex>}"));
        assertThat(bind("{" + PAIRS + ", margin: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("margin"));
        assertThat(bind("{" + PAIRS + ", beta: -1}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("beta"));
        assertThat(bind("{" + PAIRS + ", weights: [1, 0, 1]}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("weights"));
        assertThat(bind("{" + PAIRS + ", mode: paper}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("mode").contains("repdistiller"));
        assertThat(bind("{pairs: [{student: a}]}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("teacher"));
    }

    @Test
    void constructorMessagesSayWhatIsWrongAndWhatWouldBeRight() {
        List<ActivationBoundariesPair> pairs = List.of(pair("a"), pair("b"));
        assertThatThrownBy(() -> new ActivationBoundariesParams(pairs, List.of(1.0), 1, 1,
                ActivationBoundariesMode.CODE)).hasMessage("weights gives 1 values for 2 pairs; give one weight per"
                + " pair, in the order of pairs, or leave weights out for 2^(i - n)");
        assertThatThrownBy(() -> new ActivationBoundariesParams(List.of(pair("a"), pair("a"))))
                .hasMessage("pair a <- a is listed twice");
        assertThatThrownBy(() -> new ActivationBoundariesParams(pairs, null, Double.NaN, 1,
                ActivationBoundariesMode.CODE)).hasMessage("margin must be finite and > 0 (the references use 1),"
                + " got NaN");
        assertThatThrownBy(() -> new ActivationBoundariesParams(pairs, null, 1, 0, ActivationBoundariesMode.CODE))
                .hasMessage("beta must be finite and > 0 (the references use 1), got 0.0");
        assertThatThrownBy(() -> new ActivationBoundariesParams(pairs, null, 1, 1, null))
                .hasMessage("mode must be code or repdistiller, got nothing");
        assertThatThrownBy(() -> new ActivationBoundariesPair(" ", "t")).hasMessage("a pair names a student and a"
                + " teacher vertex, got student ' ' and teacher 't'");
    }

    @Test
    void theHalvingWeightsEndAtOneForTheDeepestPair() {
        assertThat(ActivationBoundariesParams.halving(1)).containsExactly(1.0);
        assertThat(ActivationBoundariesParams.halving(4)).containsExactly(0.125, 0.25, 0.5, 1.0);
    }

    private static ActivationBoundariesPair pair(String vertex) {
        return new ActivationBoundariesPair(vertex, vertex);
    }

    private static Binding<ActivationBoundariesParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(),
                ActivationBoundariesParams.class, "params", Path.of(""));
    }
}
