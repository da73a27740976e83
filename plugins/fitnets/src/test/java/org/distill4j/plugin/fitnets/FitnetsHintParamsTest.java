package org.distill4j.plugin.fitnets;

import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FitnetsHintParamsTest {

    @Test
    void defaultsAreTheSecondStageOutputInBothNetworksTheConvRegressorAndThePaperReduction() {
        FitnetsHintParams params = bind("{}").value().orElseThrow();

        assertThat(params).isEqualTo(new FitnetsHintParams("stage2.output", "stage2.output", HintRegressor.CONV,
                HintReduction.PAPER));
    }

    @Test
    void theDescriptorShapeBindsWithTheTeacherDefaultingToTheStudentsName() {
        assertThat(bind("{student: stage1.output, teacher: stage2.output, reduction: code}").value().orElseThrow())
                .isEqualTo(new FitnetsHintParams("stage1.output", "stage2.output", HintRegressor.CONV,
                        HintReduction.CODE));
        assertThat(bind("{student: stem.relu}").value().orElseThrow().teacher()).isEqualTo("stem.relu");
    }

    @Test
    void badValuesAreProblemsAtTheirPath() {
        assertThat(bind("{reduction: mean}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("reduction").contains("paper"));
        assertThat(bind("{regressor: fc}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("regressor").contains("conv"));
        assertThat(bind("{student: ' '}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("student must name the student's"
                        + " guided vertex"));
    }

    @Test
    void blankVertexNamesAreRejected() {
        assertThatThrownBy(() -> new FitnetsHintParams("a", " ", HintRegressor.CONV, HintReduction.PAPER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("teacher must name the teacher's hint vertex, or leave it out for the student's vertex"
                        + " name, got ' '");
        assertThatThrownBy(() -> new FitnetsHintParams(null)).hasMessage("student must name the student's guided"
                + " vertex, e.g. stage2.output, got nothing");
    }

    private static Binding<FitnetsHintParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), FitnetsHintParams.class,
                "params", Path.of(""));
    }
}
