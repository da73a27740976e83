package org.distill4j.plugin.decoupledkd;

import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoupledKdParamsTest {

    @Test
    void theDefaultsAreMdistillersCfgDkd() {
        DecoupledKdParams params = bind("{}").value().orElseThrow();

        assertThat(params).isEqualTo(DecoupledKdParams.defaults());
        assertThat(params.ceWeight()).isEqualTo(1.0);
        assertThat(params.alpha()).isEqualTo(1.0);
        assertThat(params.beta()).isEqualTo(8.0);
        assertThat(params.temperature()).isEqualTo(4.0);
        assertThat(params.warmup()).isEqualTo(20);
    }

    @Test
    void thePerPairConfigurationsBind() {
        // configs/cifar100/dkd/res56_res20.yaml and configs/imagenet/r34_r18/dkd.yaml
        assertThat(bind("{beta: 2}").value().orElseThrow().beta()).isEqualTo(2.0);
        assertThat(bind("{ce-weight: 1, beta: 0.5, temperature: 1, warmup: 1}").value().orElseThrow())
                .isEqualTo(new DecoupledKdParams(1, 1, 0.5, 1, 1));
    }

    @Test
    void outOfRangeValuesAreProblemsAtTheirPath() {
        assertThat(bind("{temperature: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("temperature").contains("> 0"));
        assertThat(bind("{warmup: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("warmup").contains(">= 1"));
        assertThat(bind("{alpha: -1}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("alpha").contains(">= 0"));
        assertThat(bind("{warmup: 2.5}").problems()).isNotEmpty();
    }

    @Test
    void allWeightsZeroIsRejectedBecauseTheLossWouldBeConstant() {
        assertThat(bind("{ce-weight: 0, alpha: 0, beta: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("ce-weight, alpha and beta are all 0"));
        assertThat(bind("{ce-weight: 0, alpha: 0}").problems()).isEmpty();
    }

    @Test
    void theConstructorRejectsWhatTheBinderWouldWithTheRightValueInTheMessage() {
        assertThatThrownBy(() -> new DecoupledKdParams(1, 1, 8, -4, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature must be finite and > 0, got -4.0; mdistiller uses 4 on CIFAR-100 and 1 on"
                        + " ImageNet");
        assertThatThrownBy(() -> new DecoupledKdParams(1, 1, 8, 4, 0))
                .hasMessage("warmup counts epochs and must be >= 1, got 0; 1 gives the distillation terms their full"
                        + " weight from the first epoch");
        assertThatThrownBy(() -> new DecoupledKdParams(1, Double.NaN, 8, 4, 20))
                .hasMessage("alpha must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> new DecoupledKdParams(-1, 1, 8, 4, 20))
                .hasMessage("ce-weight must be finite and >= 0, got -1.0");
    }

    private static Binding<DecoupledKdParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), DecoupledKdParams.class,
                "params", Path.of(""));
    }
}
