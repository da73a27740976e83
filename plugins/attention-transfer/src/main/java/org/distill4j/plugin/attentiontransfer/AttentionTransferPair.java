package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Parameter;

/**
 * One student activation matched against one teacher activation, both named by their network vertex. The official
 * code taps the outputs of the residual groups (for a WRN: {@code stage1.output}, ...).
 */
public record AttentionTransferPair(
        @Parameter(description = "student vertex, a feature map (e.g. stage1.output)") String student,
        @Parameter(description = "teacher vertex, a feature map (e.g. stage1.output)") String teacher) {

    public AttentionTransferPair {
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
