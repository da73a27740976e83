package org.distill4j.plugin.decomposition;

import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LowRankParamsTest {

    @Test
    void theDescriptorShapeBindsWithDefaults() {
        LowRankParams params = bind("{rank-ratio: 0.25}").value().orElseThrow();

        assertThat(params.rankRatio()).isEqualTo(0.25);
        assertThat(params.energy()).isNull();
        assertThat(params.layers()).containsExactly("all-but-first");
        assertThat(params.skipUnprofitable()).isTrue();
        assertThat(params.target()).isEqualTo(new LowRankTarget.Ratio(0.25));
        assertThat(bind("{energy: 0.9, layers: [conv2, conv3], skip-unprofitable: false}").value().orElseThrow())
                .isEqualTo(new LowRankParams(null, 0.9, List.of("conv2", "conv3"), false));
    }

    @Test
    void exactlyOneOfRankRatioAndEnergy() {
        assertThat(bind("{}").problems()).anySatisfy(problem -> assertThat(problem.toString())
                .contains("give exactly one of rank-ratio").contains("got neither"));
        assertThat(bind("{rank-ratio: 0.5, energy: 0.9}").problems()).anySatisfy(problem -> assertThat(
                problem.toString()).contains("got both, rank-ratio 0.5 and energy 0.9"));
        assertThatThrownBy(() -> new LowRankParams(null, null, List.of("all"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give exactly one of rank-ratio (the share of each conv's full rank to keep, e.g. 0.25)"
                        + " and energy (the share of the squared singular values to keep, e.g. 0.9); got neither");
    }

    @Test
    void sharesMustLieInZeroExclusiveToOne() {
        for (String yaml : List.of("{rank-ratio: 0}", "{rank-ratio: 1.5}", "{rank-ratio: -0.2}")) {
            assertThat(bind(yaml).problems()).as(yaml)
                    .anySatisfy(problem -> assertThat(problem.toString()).contains("rank-ratio"));
        }
        assertThat(bind("{energy: 1.01}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("energy"));
        assertThatThrownBy(() -> LowRankParams.rankRatio(0)).hasMessage("rank-ratio must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> LowRankParams.energy(1.2)).hasMessage("energy must be in (0, 1], got 1.2");
        assertThat(LowRankParams.rankRatio(1).rankRatio()).isEqualTo(1.0);
    }

    @Test
    void layersAreAKeywordAloneOrDistinctNames() {
        assertThatThrownBy(() -> new LowRankParams(0.5, null, List.of(), true))
                .hasMessageContaining("layers needs [all-but-first], [all] or at least one conv vertex name");
        assertThatThrownBy(() -> new LowRankParams(0.5, null, List.of("all", "conv2"), true))
                .hasMessage("layers [all, conv2] mixes the keyword all with other entries; give [all] alone or list"
                        + " conv vertex names only");
        assertThatThrownBy(() -> new LowRankParams(0.5, null, List.of("conv2", "conv2"), true))
                .hasMessage("layers lists conv2 twice");
    }

    private static Binding<LowRankParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), LowRankParams.class, "params",
                Path.of(""));
    }
}
