package org.distill4j.plugin.neuronselectivity;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NeuronSelectivityParamsTest {

    private static final String PAIRS = "pairs: [{student: a, teacher: b}]";

    @Test
    void defaultsAreTheOfficialCodes() {
        NeuronSelectivityParams params = bind("{" + PAIRS + "}").value().orElseThrow();

        assertThat(params).isEqualTo(new NeuronSelectivityParams(List.of(new NeuronSelectivityPair("a", "b")), 50, 2,
                0, NeuronSelectivityMode.CODE));
        assertThat(params).isEqualTo(new NeuronSelectivityParams(List.of(new NeuronSelectivityPair("a", "b"))));
        assertThat(params.factor()).isEqualTo(50);
        assertThat(bind("{" + PAIRS + ", mode: paper}").value().orElseThrow().factor()).isEqualTo(25);
    }

    @Test
    void pairsAreRequiredNamedAndDistinct() {
        assertThat(bind("{}").problems()).extracting(Problem::toString).singleElement().asString().contains("pairs");
        assertThatIllegalArgumentException().isThrownBy(() -> new NeuronSelectivityParams(List.of()))
                .withMessageContaining("pairs needs at least one");
        assertThat(bind("{pairs: [{student: a, teacher: b}, {student: a, teacher: b}]}").problems())
                .extracting(Problem::message).singleElement().asString().contains("pair a <- b is listed twice");
        assertThat(bind("{pairs: [{student: '', teacher: b}]}").problems()).extracting(Problem::message)
                .singleElement().asString().contains("a pair names a student and a teacher vertex");
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThat(bind("{" + PAIRS + ", beta: 0}").problems()).extracting(Problem::toString).singleElement()
                .asString().contains("beta");
        assertThat(bind("{" + PAIRS + ", degree: 0}").problems()).extracting(Problem::toString).singleElement()
                .asString().contains("degree");
        assertThat(bind("{" + PAIRS + ", degree: 1.5}").problems()).isNotEmpty();
        assertThat(bind("{" + PAIRS + ", constant: -1}").problems()).extracting(Problem::toString).singleElement()
                .asString().contains("constant");
        assertThat(bind("{" + PAIRS + ", mode: mean}").problems()).extracting(Problem::toString).singleElement()
                .asString().contains("code", "paper");
    }

    private static Binding<NeuronSelectivityParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), NeuronSelectivityParams.class,
                "params", Path.of(""));
    }
}
