package org.distill4j.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A finished run.
 *
 * @param experimentId the descriptor's experiment id
 * @param seed         the run's seed
 * @param directory    its directory under the results root
 * @param reused       true when it was already DONE and nothing was trained
 * @param metrics      the content of its {@code metrics.json}
 */
public record RunResult(String experimentId, long seed, Path directory, boolean reused, JsonNode metrics) {

    public RunResult {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(metrics, "metrics");
    }

    public double testAccuracy() {
        return metrics.path("test-accuracy").asDouble(Double.NaN);
    }

    /** Whether the run is a retrieval task, whose headline is {@link #testRecallAtOne()} rather than accuracy. */
    public boolean retrieval() {
        return metrics.has("retrieval");
    }

    /** Recall@1 among the test images of the retrieval classes, or NaN for a run that is no retrieval task. */
    public double testRecallAtOne() {
        return metrics.path("retrieval").path("test").path("recall-at-1").asDouble(Double.NaN);
    }

    /** The teacher's Recall@1 on the same retrieval split, or NaN. */
    public double teacherTestRecallAtOne() {
        return metrics.path("teacher").path("retrieval").path("test").path("recall-at-1").asDouble(Double.NaN);
    }

    /** The teacher's test accuracy on the same split, or NaN for a run without teacher. */
    public double teacherTestAccuracy() {
        return metrics.path("teacher").path("test-accuracy").asDouble(Double.NaN);
    }
}
