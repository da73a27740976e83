package org.distill4j.models.mlp;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkStatistics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MlpFamilyTest {

    private static final InputShape MNIST = new InputShape(1, 28, 28);

    @Test
    void hintonsTeacherHasInputAndHiddenDropout() {
        NetworkSpec spec = new MlpFamily(new MlpParams(List.of(1200, 1200), 0.5, 0.2)).specify(MNIST, 10);

        assertThat(spec.names()).containsExactly("input.dropout", "fc1", "fc1.relu", "fc1.dropout",
                "fc2", "fc2.relu", "fc2.dropout", "logits");
    }

    @Test
    void theStudentWithoutDropoutHasNoDropoutVertices() {
        NetworkSpec spec = new MlpFamily(new MlpParams(List.of(800, 800), 0, 0)).specify(MNIST, 10);

        assertThat(spec.names()).containsExactly("fc1", "fc1.relu", "fc2", "fc2.relu", "logits");
    }

    @Test
    void parametersAndMultiplyAccumulatesMatchAHandCount() {
        NetworkStatistics statistics = new MlpFamily(new MlpParams(List.of(1200, 1200), 0.5, 0.2))
                .specify(MNIST, 10).statistics();

        long weights = 784L * 1200 + 1200L * 1200 + 1200L * 10;
        assertThat(statistics.multiplyAccumulates()).isEqualTo(weights);
        assertThat(statistics.parameters()).isEqualTo(weights + 1200 + 1200 + 10);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new MlpParams(List.of(800, -1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hidden[1] must be a width >= 1, got -1");
        assertThatThrownBy(() -> new MlpParams(List.of(800), 1.0, 0)).hasMessageContaining("dropout");
        assertThatThrownBy(() -> new MlpParams(List.of(800), 0, -0.1)).hasMessageContaining("input-dropout");
    }
}
