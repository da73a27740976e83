package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code teacher} section of {@code metrics.json}: which teacher, and its accuracy on the student's test split.
 *
 * @param testAccuracy null when the split has no test images (a retrieval task)
 * @param retrieval    the teacher's retrieval scores, for a retrieval task
 */
public record TeacherMetrics(
        @JsonInclude(JsonInclude.Include.NON_NULL) String experiment,
        @JsonInclude(JsonInclude.Include.NON_NULL) String hash,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String file,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
        Double testAccuracy,
        @JsonInclude(JsonInclude.Include.NON_NULL) RetrievalSection retrieval) {

    public static TeacherMetrics of(TeacherIdentity identity, Double testAccuracy) {
        return new TeacherMetrics(identity.experiment(), identity.hash(), identity.seed(), identity.file(),
                identity.sha256(), testAccuracy, null);
    }

    public TeacherMetrics withRetrieval(RetrievalSection scores) {
        return new TeacherMetrics(experiment, hash, seed, file, sha256, testAccuracy, scores);
    }
}
