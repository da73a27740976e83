package org.distill4j.kernel.parameters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KebabCaseTest {

    enum Selection { LAST, BEST_VALIDATION }

    @Test
    void camelCaseWordsAreJoinedWithHyphens() {
        assertThat(KebabCase.ofCamelCase("weightDecay")).isEqualTo("weight-decay");
        assertThat(KebabCase.ofCamelCase("evaluateTestEveryEpoch")).isEqualTo("evaluate-test-every-epoch");
        assertThat(KebabCase.ofCamelCase("temperature")).isEqualTo("temperature");
    }

    @Test
    void acronymsAndDigitsStayInTheirWord() {
        assertThat(KebabCase.ofCamelCase("useBNStatistics")).isEqualTo("use-bn-statistics");
        assertThat(KebabCase.ofCamelCase("l2Weight")).isEqualTo("l2-weight");
        assertThat(KebabCase.ofCamelCase("sha256")).isEqualTo("sha256");
    }

    @Test
    void enumConstantsAreLowerCaseWithHyphens() {
        assertThat(KebabCase.of(Selection.BEST_VALIDATION)).isEqualTo("best-validation");
        assertThat(KebabCase.ofConstant("LAST")).isEqualTo("last");
    }
}
