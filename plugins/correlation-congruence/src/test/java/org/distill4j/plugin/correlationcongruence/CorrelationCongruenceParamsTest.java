package org.distill4j.plugin.correlationcongruence;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorrelationCongruenceParamsTest {

    @Test
    void defaultsAreRepDistillersCorrelationCongruence() {
        CorrelationCongruenceParams params = bind("{}").value().orElseThrow();

        assertThat(params).isEqualTo(new CorrelationCongruenceParams("pool", "pool", CorrelationCongruenceMode.CODE,
                0.02, 128, 0.4, 2));
        assertThat(new CorrelationCongruenceParams()).isEqualTo(params);
    }

    @Test
    void paperModeDefaultsToAberHusSettings() {
        assertThat(bind("{mode: paper}").value()).contains(new CorrelationCongruenceParams("pool", "pool",
                CorrelationCongruenceMode.PAPER, 1.0, 0, 0.4, 2));
    }

    @Test
    void betaAndTheEmbeddingDefaultByModeAndGivenValuesAreKept() {
        assertThat(bind("{mode: code}").value().orElseThrow().beta()).isEqualTo(0.02);
        assertThat(bind("{mode: paper, beta: 0.02}").value().orElseThrow().beta()).isEqualTo(0.02);
        assertThat(bind("{mode: paper, embedding-size: 128}").value().orElseThrow().embeddingSize()).isEqualTo(128);
        assertThat(bind("{mode: code, embedding-size: 0}").value().orElseThrow().embeddingSize()).isZero();
    }

    @Test
    void theTeacherDefaultsToTheStudentsVertexName() {
        assertThat(bind("{student: fc2.relu}").value().orElseThrow().teacher()).isEqualTo("fc2.relu");
        assertThat(bind("{student: pool, teacher: fc2.relu}").value().orElseThrow().teacher()).isEqualTo("fc2.relu");
    }

    @Test
    void outOfRangeValuesAreProblemsAtTheirPath() {
        for (String yaml : new String[] {"{beta: 0}", "{gamma: 0}", "{order: 0}", "{order: 21}",
                "{embedding-size: -1}", "{mode: kernel}"}) {
            String key = yaml.substring(1, yaml.indexOf(':'));
            assertThat(bind(yaml).problems()).as(yaml).extracting(Problem::toString).singleElement().asString()
                    .contains(key);
        }
    }

    @Test
    void blankVertexNamesAreRejected() {
        assertThat(bind("{student: ''}").problems()).extracting(Problem::message).singleElement().asString()
                .contains("student must name the student's vertex, e.g. pool, got ''");
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationCongruenceParams("pool", " ",
                CorrelationCongruenceMode.CODE, null, 128, 0.4, 2))
                .withMessage("teacher must name the teacher's vertex, or leave it out for the student's vertex name,"
                        + " got ' '");
    }

    private static Binding<CorrelationCongruenceParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(),
                CorrelationCongruenceParams.class, "params", Path.of(""));
    }
}
