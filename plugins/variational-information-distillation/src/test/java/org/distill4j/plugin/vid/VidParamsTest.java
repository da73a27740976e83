package org.distill4j.plugin.vid;

import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VidParamsTest {

    private static final List<VidPair> PAIRS = List.of(new VidPair("stage1.output", "stage1.output"));

    @Test
    void defaultsAreRepDistillers() {
        VidParams params = bind("{pairs: [{student: stage1.output, teacher: stage1.output}]}").value().orElseThrow();

        assertThat(params).isEqualTo(new VidParams(PAIRS, 1, null, 5.0, 1e-5));
        assertThat(params.hiddenChannels(64)).isEqualTo(64);
    }

    @Test
    void theDescriptorShapeBinds() {
        VidParams params = bind("{pairs: [{student: stage1.output, teacher: stage1.output}, {student: stage2.output,"
                + " teacher: stage3.output}], beta: 2, mid-channels: 32, init-variance: 1.5, epsilon: 0}").value()
                .orElseThrow();

        assertThat(params.pairs()).containsExactly(new VidPair("stage1.output", "stage1.output"),
                new VidPair("stage2.output", "stage3.output"));
        assertThat(params.hiddenChannels(64)).isEqualTo(32);
        assertThat(params).isEqualTo(new VidParams(params.pairs(), 2, 32, 1.5, 0));
    }

    @Test
    void badValuesAreProblemsAtTheirPath() {
        String pairs = "pairs: [{student: a, teacher: b}]";
        assertThat(bind("{}").problems()).anySatisfy(problem -> assertThat(problem.toString()).contains("pairs"));
        assertThat(bind("{" + pairs + ", beta: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("beta"));
        assertThat(bind("{" + pairs + ", mid-channels: 0}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("mid-channels"));
        assertThat(bind("{" + pairs + ", init-variance: -1}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("init-variance"));
        assertThat(bind("{" + pairs + ", epsilon: -1e-5}").problems())
                .anySatisfy(problem -> assertThat(problem.toString()).contains("epsilon"));
        assertThat(bind("{pairs: [{student: a}]}").problems()).isNotEmpty();
    }

    @Test
    void invalidCombinationsSayWhatIsWrongAndWhatWouldBeRight() {
        assertThatThrownBy(() -> new VidParams(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pairs needs at least one {student: <vertex>, teacher: <vertex>}");
        assertThatThrownBy(() -> new VidParams(List.of(new VidPair("a", "b"), new VidPair("a", "b"))))
                .hasMessage("pair a <- b is listed twice; each pair gets one regressor");
        assertThatThrownBy(() -> new VidParams(PAIRS, 1, null, 1e-5, 1e-5))
                .hasMessage("init-variance must be finite and greater than epsilon (1.0E-5), since softplus(log-scale)"
                        + " + epsilon can only reach values above epsilon, got 1.0E-5");
        assertThatThrownBy(() -> new VidParams(PAIRS, 1, 0, 5.0, 1e-5))
                .hasMessage("mid-channels must be >= 1, got 0; leave it out for the teacher's channels");
        assertThatThrownBy(() -> new VidPair("a", " ")).hasMessage("a vid pair names a student and a teacher vertex,"
                + " got student 'a' and teacher ' '");
    }

    private static Binding<VidParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), VidParams.class, "params",
                Path.of(""));
    }
}
