package org.distill4j.plugin.darkrank;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DarkRankParamsTest {

    private static final String TOO_LONG = "list-length 9: ListNet enumerates all L! orders of the list, 9! = 362880"
            + " per query; use at most 6 (720 orders)";

    @Test
    void defaultsAreThePapers() {
        assertThat(bind("{}", DarkRankSoftParams.class).value()).contains(new DarkRankSoftParams(3, 3, 4, "embedding"));
        assertThat(bind("{}", DarkRankHardParams.class).value()).contains(new DarkRankHardParams(3, 3, 0, "embedding"));
    }

    @Test
    void softListsLongerThanSixAreRejectedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DarkRankSoftParams(3, 3, 9, "embedding"))
                .withMessage(TOO_LONG);

        Binding<DarkRankSoftParams> binding = bind("{list-length: 9}", DarkRankSoftParams.class);
        assertThat(binding.value()).isEmpty();
        assertThat(binding.problems()).extracting(Problem::message).containsExactly(TOO_LONG);
    }

    @Test
    void softListsOfSixAndFewerThanTwoAreJudgedByTheirBounds() {
        assertThat(bind("{list-length: 6}", DarkRankSoftParams.class).problems()).isEmpty();
        assertThat(bind("{list-length: 1}", DarkRankSoftParams.class).problems()).extracting(Problem::message)
                .singleElement().asString().contains("list-length 1", "use 2 to 6");
        assertThat(bind("{list-length: 30}", DarkRankSoftParams.class).problems()).extracting(Problem::message)
                .singleElement().asString().contains("more than 10^18", "at most 6");
    }

    @Test
    void hardListsAreFullOrAtLeastTwo() {
        assertThat(bind("{list-length: 4}", DarkRankHardParams.class).problems()).isEmpty();
        assertThat(bind("{list-length: 1}", DarkRankHardParams.class).problems()).extracting(Problem::message)
                .singleElement().asString().contains("list-length 1", "0 for the full list");
        assertThat(bind("{list-length: -1}", DarkRankHardParams.class).problems()).isNotEmpty();
    }

    @Test
    void theEmbeddingTapMustBeNamed() {
        assertThat(bind("{embedding: ''}", DarkRankSoftParams.class).problems()).extracting(Problem::message)
                .singleElement().asString().contains("embedding must name a vector vertex");
        assertThat(bind("{embedding: ' '}", DarkRankHardParams.class).problems()).isNotEmpty();
    }

    private static <R extends Record> Binding<R> bind(String yaml, Class<R> type) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(), type, "params", Path.of(""));
    }
}
