package org.distill4j.plugin.similaritypreserving;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimilarityPreservingParamsTest {

    private static final SimilarityPreservingPair PAIR = new SimilarityPreservingPair("stage3.output",
            "stage3.output");

    @Test
    void gammaDefaultsToRepDistillersWeight() {
        assertThat(bind("{pairs: [{student: stage3.output, teacher: stage3.output}]}").value())
                .contains(new SimilarityPreservingParams(List.of(PAIR), 3000));
    }

    @Test
    void pairsAreRequiredNamedAndDistinct() {
        assertThat(bind("{gamma: 1}").problems()).extracting(Problem::toString)
                .anySatisfy(problem -> assertThat(problem).contains("pairs"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SimilarityPreservingParams(List.of(), 3000))
                .withMessageContaining("pairs needs at least one {student: <vertex>, teacher: <vertex>}");
        assertThatIllegalArgumentException().isThrownBy(() -> new SimilarityPreservingParams(List.of(PAIR, PAIR), 1))
                .withMessage("pair stage3.output <- stage3.output is listed twice");
        assertThatIllegalArgumentException().isThrownBy(() -> new SimilarityPreservingPair("stage3.output", " "))
                .withMessage("a pair names a student and a teacher vertex, got student 'stage3.output' and teacher"
                        + " ' '");
    }

    @Test
    void gammaMustBePositive() {
        assertThat(bind("{pairs: [{student: a, teacher: b}], gamma: 0}").problems()).extracting(Problem::toString)
                .singleElement().asString().contains("gamma");
        assertThat(bind("{pairs: [{student: a, teacher: b}], gamma: -3}").problems()).isNotEmpty();
    }

    private static Binding<SimilarityPreservingParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), SimilarityPreservingParams.class,
                "params", Path.of(""));
    }
}
