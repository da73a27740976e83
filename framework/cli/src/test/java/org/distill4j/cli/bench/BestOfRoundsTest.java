package org.distill4j.cli.bench;

import org.distill4j.kernel.run.Json;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BestOfRoundsTest {

    private static final String FIRST = """
            {"threads": 2, "reference": {"teacher-forward-ms": 20.0, "kd-step-ms": 50.0,
              "kd-step-phases-ms": {"loss": 8.0, "backward": 15.0}},
             "families": [{"name": "mlp", "training-images-per-second": 3000.0, "inference-ms": 3.0},
                          {"name": "vgg-cnn", "training-images-per-second": 2000.0, "inference-ms": 9.0}],
             "memory": {"peak-resident-mb": 900.0}}""";
    private static final String SECOND = """
            {"threads": 1, "reference": {"teacher-forward-ms": 25.0, "kd-step-ms": 45.0,
              "kd-step-phases-ms": {"loss": 9.0, "backward": 12.0}},
             "families": [{"name": "mlp", "training-images-per-second": 6000.0, "inference-ms": 4.0},
                          {"name": "vgg-cnn", "training-images-per-second": 1500.0, "inference-ms": 8.0}],
             "memory": {"peak-resident-mb": 1200.0}}""";

    @Test
    void everyFigureKeepsItsBestRoundAndPeakMemoryItsWorst() {
        JsonNode best = BestOfRounds.best(List.of(Json.parse(FIRST), Json.parse(SECOND)));

        assertThat(best.path("reference").path("teacher-forward-ms").asDouble()).isEqualTo(20.0);
        assertThat(best.path("reference").path("kd-step-ms").asDouble()).isEqualTo(45.0);
        assertThat(best.path("families").get(0).path("training-images-per-second").asDouble()).isEqualTo(6000.0);
        assertThat(best.path("families").get(0).path("inference-ms").asDouble()).isEqualTo(3.0);
        assertThat(best.path("families").get(1).path("training-images-per-second").asDouble()).isEqualTo(2000.0);
        assertThat(best.path("families").get(1).path("inference-ms").asDouble()).isEqualTo(8.0);
        assertThat(best.path("memory").path("peak-resident-mb").asDouble()).isEqualTo(1200.0);
        assertThat(best.path("threads").asInt()).as("not a figure: the first round's").isEqualTo(2);
    }

    @Test
    void theKdPhasesComeWholeFromTheRoundOfTheBestKdStep() {
        JsonNode best = BestOfRounds.best(List.of(Json.parse(FIRST), Json.parse(SECOND)));

        assertThat(best.path("reference").path("kd-step-phases-ms").path("loss").asDouble()).isEqualTo(9.0);
        assertThat(best.path("reference").path("kd-step-phases-ms").path("backward").asDouble()).isEqualTo(12.0);
    }

    @Test
    void oneRoundIsItselfAndNoRoundsIsAnError() {
        assertThat(BestOfRounds.best(List.of(Json.parse(FIRST)))).isEqualTo(Json.parse(FIRST));
        assertThatThrownBy(() -> BestOfRounds.best(List.of())).hasMessageContaining("no rounds");
    }
}
