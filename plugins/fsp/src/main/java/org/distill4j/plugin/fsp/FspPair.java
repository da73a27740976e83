package org.distill4j.plugin.fsp;

import org.distill4j.api.Parameter;

import java.util.List;

/**
 * One FSP matrix position: two feature maps of the student, {@code [first, second]}, matched against two of the
 * teacher. The FSP matrix of a network is {@code G = F_first^T F_second / (h w)}, of {@code C_first x C_second}.
 * The paper takes them at the first and last layer of a residual stage; RepDistiller takes consecutive stage outputs
 * (stem, stage 1, stage 2, stage 3).
 *
 * <p>The teacher's vertices default to the student's names, the common case when both networks come from the same
 * model family.
 */
public record FspPair(
        @Parameter(description = "the student's two feature maps [first, second], e.g. [stem.relu, stage1.output];"
                + " G = first^T second / (h w)") List<String> student,
        @Parameter(description = "the teacher's two feature maps [first, second]; the student's names when left out",
                defaultValue = Parameter.ABSENT) List<String> teacher) {

    public FspPair {
        student = ends("student", student);
        teacher = teacher == null ? student : ends("teacher", teacher);
    }

    /** A pair whose teacher vertices have the student's names. */
    public FspPair(String first, String second) {
        this(List.of(first, second), null);
    }

    String studentFirst() {
        return student.get(0);
    }

    String studentSecond() {
        return student.get(1);
    }

    String teacherFirst() {
        return teacher.get(0);
    }

    String teacherSecond() {
        return teacher.get(1);
    }

    /** {@code (first, second)}, followed by {@code <- (first, second)} of the teacher when its names differ. */
    @Override
    public String toString() {
        String students = "(" + studentFirst() + ", " + studentSecond() + ")";
        return teacher.equals(student) ? students
                : students + " <- (" + teacherFirst() + ", " + teacherSecond() + ")";
    }

    private static List<String> ends(String network, List<String> vertices) {
        if (vertices == null || vertices.size() != 2 || vertices.stream().anyMatch(FspPair::blank)) {
            throw new IllegalArgumentException("an FSP pair names two " + network + " feature maps [first, second],"
                    + " e.g. [stem.relu, stage1.output], got " + vertices);
        }
        return List.copyOf(vertices);
    }

    private static boolean blank(String vertex) {
        return vertex == null || vertex.isBlank();
    }
}
