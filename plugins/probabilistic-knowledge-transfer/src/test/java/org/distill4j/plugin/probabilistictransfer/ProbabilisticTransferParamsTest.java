package org.distill4j.plugin.probabilistictransfer;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProbabilisticTransferParamsTest {

    @Test
    void defaultsAreThePoolVertexOfBothNetworksAndRepDistillersWeight() {
        assertThat(bind("{}").value()).contains(new ProbabilisticTransferParams("pool", "pool", 30000));
        assertThat(new ProbabilisticTransferParams()).isEqualTo(new ProbabilisticTransferParams("pool", "pool", 30000));
    }

    @Test
    void theTeacherDefaultsToTheStudentsVertexName() {
        assertThat(bind("{student: fc2.relu}").value().orElseThrow().teacher()).isEqualTo("fc2.relu");
        assertThat(bind("{student: fc1.relu, teacher: fc2.relu}").value().orElseThrow().teacher())
                .isEqualTo("fc2.relu");
    }

    @Test
    void blankVertexNamesAndANonPositiveBetaAreProblems() {
        assertThat(bind("{student: ' '}").problems()).extracting(Problem::message).singleElement().asString()
                .contains("student must name the student's vertex, e.g. pool, got ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProbabilisticTransferParams("pool", "", 1))
                .withMessage("teacher must name the teacher's vertex, or leave it out for the student's vertex name,"
                        + " got ''");
        assertThat(bind("{beta: 0}").problems()).extracting(Problem::toString).singleElement().asString()
                .contains("beta");
    }

    private static Binding<ProbabilisticTransferParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(),
                ProbabilisticTransferParams.class, "params", Path.of(""));
    }
}
