package org.distill4j.plugin.factortransfer;

import org.distill4j.api.network.TensorShape;

import java.util.Optional;

/** The shape rules of both distillers, as one sentence naming the vertices and shapes. */
final class FactorTransferShapes {

    /** The teacher map the paraphraser reads: a feature map with at least one factor channel. */
    static Optional<String> teacherProblem(String distiller, String vertex, TensorShape teacher, double rate,
            FactorTransferMode mode) {
        if (teacher.flat()) {
            return Optional.of(distiller + ": the teacher vertex " + vertex + " is a vector of " + teacher.channels()
                    + " units; the paraphraser is made of 3x3 convolutions, so tap a C x H x W feature map such as"
                    + " stage3.output");
        }
        if (mode.factorChannels(teacher.channels(), rate) < 1) {
            return Optional.of(distiller + ": rate " + rate + " of the teacher's " + teacher.channels()
                    + " channels at " + vertex + " leaves no factor channel; raise rate");
        }
        return Optional.empty();
    }

    /** The student map the translator reads, against the teacher's. */
    static Optional<String> pairProblem(FtParams params, TensorShape student, TensorShape teacher) {
        Optional<String> teacherProblem = teacherProblem("ft", params.teacher(), teacher, params.rate(),
                params.mode());
        if (teacherProblem.isPresent()) {
            return teacherProblem;
        }
        if (student.flat()) {
            return Optional.of("ft: the student vertex " + params.student() + " is a vector of " + student.channels()
                    + " units; the translator is made of 3x3 convolutions, so tap a C x H x W feature map such as"
                    + " stage3.output");
        }
        if (student.height() == teacher.height() && student.width() == teacher.width()) {
            return Optional.empty();
        }
        if (params.mode() == FactorTransferMode.AUTHORS) {
            return Optional.of("ft: the student map " + student + " at " + params.student() + " and the teacher map "
                    + teacher + " at " + params.teacher() + " differ in height or width; the authors' factor compares"
                    + " the two factors element by element, so tap maps of the same resolution (or use mode"
                    + " repdistiller, which pools the larger map when the sizes are multiples)");
        }
        if (poolingFactor(student, teacher) == 0 && poolingFactor(teacher, student) == 0) {
            return Optional.of("ft: the student map " + student + " at " + params.student() + " and the teacher map "
                    + teacher + " at " + params.teacher() + " differ in height or width by other than one whole"
                    + " factor in both; repdistiller mode pools the larger map to the smaller one with a window of"
                    + " that factor, so tap maps whose sizes are multiples (e.g. 8x8 and 4x4)");
        }
        return Optional.empty();
    }

    /** The window that average-pools {@code larger} to {@code smaller}'s size, or 0 when there is none. */
    static int poolingFactor(TensorShape larger, TensorShape smaller) {
        if (larger.height() <= smaller.height() || larger.height() % smaller.height() != 0) {
            return 0;
        }
        int factor = larger.height() / smaller.height();
        return larger.width() == smaller.width() * factor ? factor : 0;
    }

    private FactorTransferShapes() {
    }
}
