package org.distill4j.plugin.relationalkd;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RelationalKdParamsTest {

    @Test
    void defaultsAreTheOfficialCodes() {
        assertThat(bind("{}").value()).contains(new RelationalKdParams(1, 2, "logits", "logits",
                RelationalKdMode.CODE));
        assertThat(new RelationalKdParams()).isEqualTo(bind("{}").value().orElseThrow());
    }

    @Test
    void eitherTermAloneIsAllowed() {
        assertThat(bind("{angle-weight: 0}").problems()).isEmpty();
        assertThat(bind("{distance-weight: 0, mode: paper}").problems()).isEmpty();
    }

    @Test
    void bothWeightsZeroAreRejectedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RelationalKdParams(0, 0, "logits", "logits",
                RelationalKdMode.CODE)).withMessageContaining("both 0, so rkd adds nothing");
        assertThat(bind("{distance-weight: 0, angle-weight: 0}").problems()).extracting(Problem::message)
                .singleElement().asString().contains("at least one a positive weight");
    }

    @Test
    void negativeWeightsAndUnknownModesAreRejected() {
        assertThat(bind("{distance-weight: -1}").problems()).extracting(Problem::toString).singleElement().asString()
                .contains("distance-weight");
        assertThat(bind("{angle-weight: -0.5}").problems()).isNotEmpty();
        assertThat(bind("{mode: sum}").problems()).extracting(Problem::toString).singleElement().asString()
                .contains("code", "paper");
    }

    @Test
    void tapsMustBeNamed() {
        assertThat(bind("{student: ''}").problems()).extracting(Problem::message).singleElement().asString()
                .contains("student must name a vertex");
        assertThat(bind("{teacher: ' '}").problems()).extracting(Problem::message).singleElement().asString()
                .contains("teacher must name a vertex");
    }

    private static Binding<RelationalKdParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), RelationalKdParams.class,
                "params", Path.of(""));
    }
}
