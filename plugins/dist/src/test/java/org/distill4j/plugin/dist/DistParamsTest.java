package org.distill4j.plugin.dist;

import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistParamsTest {

    @Test
    void theDefaultsAreTheOfficialImageNetRecipe() {
        DistParams params = bind("{}").value().orElseThrow();

        assertThat(params).isEqualTo(DistParams.defaults());
        assertThat(params.ceWeight()).isEqualTo(1.0);
        assertThat(params.beta()).isEqualTo(2.0);
        assertThat(params.gamma()).isEqualTo(2.0);
        assertThat(params.temperature()).isEqualTo(1.0);
        assertThat(params.epsilon()).isEqualTo(1e-8);
    }

    @Test
    void theCifarRecipeAndThePapersExactCorrelationBind() {
        assertThat(bind("{temperature: 4}").value().orElseThrow()).isEqualTo(new DistParams(1, 2, 2, 4, 1e-8));
        assertThat(bind("{epsilon: 0}").value().orElseThrow().epsilon()).isZero();
    }

    @Test
    void outOfRangeValuesAreProblemsAtTheirPath() {
        assertThat(bind("{temperature: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("temperature").contains("> 0"));
        assertThat(bind("{epsilon: -1e-8}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("epsilon").contains(">= 0"));
        assertThat(bind("{gamma: -2}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("gamma").contains(">= 0"));
    }

    @Test
    void allWeightsZeroIsRejectedBecauseTheLossWouldBeConstant() {
        assertThat(bind("{ce-weight: 0, beta: 0, gamma: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("ce-weight, beta and gamma are all 0"));
        assertThat(bind("{ce-weight: 0}").problems()).isEmpty();
    }

    @Test
    void theConstructorRejectsWhatTheBinderWouldWithTheRightValueInTheMessage() {
        assertThatThrownBy(() -> new DistParams(1, 2, 2, 0, 1e-8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature must be finite and > 0, got 0.0; the official recipes use 1 (ImageNet) and 4"
                        + " (CIFAR-100)");
        assertThatThrownBy(() -> new DistParams(1, 2, 2, 1, Double.POSITIVE_INFINITY))
                .hasMessage("epsilon must be finite and >= 0, got Infinity; 1e-8 is the official code's, 0 the"
                        + " paper's exact Pearson correlation");
        assertThatThrownBy(() -> new DistParams(1, -2, 2, 1, 1e-8)).hasMessage("beta must be finite and >= 0, got -2.0");
    }

    private static Binding<DistParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), DistParams.class, "params",
                Path.of(""));
    }
}
