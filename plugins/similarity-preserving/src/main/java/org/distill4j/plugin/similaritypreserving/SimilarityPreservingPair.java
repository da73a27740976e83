package org.distill4j.plugin.similaritypreserving;

import org.distill4j.api.Parameter;

/**
 * One student activation matched against one teacher activation, both named by their network vertex. RepDistiller
 * taps the output of the last residual group of both networks ({@code stage3.output} of the resnet and wrn families).
 */
public record SimilarityPreservingPair(
        @Parameter(description = "student vertex, a feature map or a vector (e.g. stage3.output)") String student,
        @Parameter(description = "teacher vertex, a feature map or a vector (e.g. stage3.output)") String teacher) {

    public SimilarityPreservingPair {
        if (student == null || student.isBlank() || teacher == null || teacher.isBlank()) {
            throw new IllegalArgumentException("a pair names a student and a teacher vertex, got student '" + student
                    + "' and teacher '" + teacher + "'");
        }
    }

    @Override
    public String toString() {
        return student + " <- " + teacher;
    }
}
