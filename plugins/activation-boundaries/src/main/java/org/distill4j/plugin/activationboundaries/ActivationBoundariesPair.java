package org.distill4j.plugin.activationboundaries;

import org.distill4j.api.Parameter;

/**
 * One student pre-activation map matched against one teacher pre-activation map, both named by their network vertex
 * (a batch-norm output before a ReLU, e.g. {@code stage2.block1.bn1} of a {@code wrn}).
 */
public record ActivationBoundariesPair(
        @Parameter(description = "student vertex, a pre-activation feature map (e.g. stage2.block1.bn1)") String student,
        @Parameter(description = "teacher vertex, a pre-activation feature map of the same height and width")
        String teacher) {

    public ActivationBoundariesPair {
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
