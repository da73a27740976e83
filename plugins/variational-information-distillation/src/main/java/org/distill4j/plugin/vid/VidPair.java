package org.distill4j.plugin.vid;

import org.distill4j.api.Parameter;

/**
 * One student feature map whose regressor predicts one teacher feature map, both named by their network vertex.
 * RepDistiller pairs the output of every residual group ({@code feat[1:-1]}: for a resnet, {@code stage1.output}, ...).
 */
public record VidPair(
        @Parameter(description = "student vertex, a feature map (e.g. stage1.output)") String student,
        @Parameter(description = "teacher vertex, a feature map (e.g. stage1.output)") String teacher) {

    public VidPair {
        if (student == null || student.isBlank() || teacher == null || teacher.isBlank()) {
            throw new IllegalArgumentException("a vid pair names a student and a teacher vertex, got student '"
                    + student + "' and teacher '" + teacher + "'");
        }
    }

    @Override
    public String toString() {
        return student + " <- " + teacher;
    }
}
