package org.distill4j.plugin.neuronselectivity;

import org.distill4j.api.Parameter;

/**
 * One student feature map matched against one teacher feature map, both named by their network vertex. The official
 * code matches the student's last feature map with the teacher's (TuSimple: the Inception-BN's {@code in5b} after
 * batch norm against the ResNet-101's {@code bn1}, both 7 x 7); RepDistiller matches every residual group's output.
 */
public record NeuronSelectivityPair(
        @Parameter(description = "student vertex, a feature map (e.g. stage3.output)") String student,
        @Parameter(description = "teacher vertex, a feature map (e.g. stage3.output)") String teacher) {

    public NeuronSelectivityPair {
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
