package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code retrieval} section: among the test images of the classes no network trained on (the published
 * number), and among the held-out images of the training classes (which may select models; absent without them).
 */
public record RetrievalSection(RetrievalScores test,
        @JsonInclude(JsonInclude.Include.NON_NULL) RetrievalScores validation) {
}
