package org.distill4j.plugin.fsp;

import org.distill4j.api.network.TensorShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape rules of an FSP pair: all four vertices are feature maps; within each network the two spatial sizes are
 * integer multiples of each other (the larger is average-pooled to the smaller); and the student's matrix
 * {@code C_first x C_second} has the teacher's shape, since FSP compares the matrices entry by entry.
 */
final class FspShapes {

    /** Every pair's shape problem (see {@link #pairProblem}), for {@code Distiller.shapeProblems}. */
    static List<String> pairProblems(List<FspPair> pairs, Map<String, TensorShape> student,
            Map<String, TensorShape> teacher) {
        List<String> problems = new ArrayList<>();
        for (FspPair pair : pairs) {
            pairProblem(pair, student.get(pair.studentFirst()), student.get(pair.studentSecond()),
                    teacher.get(pair.teacherFirst()), teacher.get(pair.teacherSecond())).ifPresent(problems::add);
        }
        return problems;
    }

    /** The first thing wrong with a pair's four shapes, as one sentence naming the pair, or nothing. */
    static Optional<String> pairProblem(FspPair pair, TensorShape studentFirst, TensorShape studentSecond,
            TensorShape teacherFirst, TensorShape teacherSecond) {
        Optional<String> problem = mapProblem(pair, "student", pair.studentFirst(), studentFirst)
                .or(() -> mapProblem(pair, "student", pair.studentSecond(), studentSecond))
                .or(() -> mapProblem(pair, "teacher", pair.teacherFirst(), teacherFirst))
                .or(() -> mapProblem(pair, "teacher", pair.teacherSecond(), teacherSecond))
                .or(() -> sizeProblem(pair, "student", studentFirst, studentSecond))
                .or(() -> sizeProblem(pair, "teacher", teacherFirst, teacherSecond));
        if (problem.isPresent()) {
            return problem;
        }
        if (studentFirst.channels() != teacherFirst.channels()
                || studentSecond.channels() != teacherSecond.channels()) {
            return Optional.of("pair " + pair + ": the FSP matrices differ in shape, student "
                    + studentFirst.channels() + "x" + studentSecond.channels() + " and teacher "
                    + teacherFirst.channels() + "x" + teacherSecond.channels() + " channels; FSP needs the same"
                    + " channel counts at both ends of a pair in student and teacher (the paper's students are"
                    + " shallower with the same widths), so pair vertices of equal widths");
        }
        return Optional.empty();
    }


    private static Optional<String> mapProblem(FspPair pair, String network, String vertex, TensorShape shape) {
        if (!shape.flat()) {
            return Optional.empty();
        }
        return Optional.of("pair " + pair + ": the " + network + " vertex " + vertex + " is a vector of "
                + shape.channels() + " units, not a feature map; FSP needs C x H x W activations at both ends of a"
                + " pair, e.g. stem.relu or stage1.output");
    }

    private static Optional<String> sizeProblem(FspPair pair, String network, TensorShape first,
            TensorShape second) {
        int height = Math.min(first.height(), second.height());
        int width = Math.min(first.width(), second.width());
        boolean divides = first.height() % height == 0 && first.width() % width == 0
                && second.height() % height == 0 && second.width() % width == 0;
        if (divides) {
            return Optional.empty();
        }
        return Optional.of("pair " + pair + ": the " + network + " maps have spatial sizes " + first.height() + "x"
                + first.width() + " (first) and " + second.height() + "x" + second.width() + " (second), which are"
                + " not integer multiples of each other, so the larger cannot be average-pooled to the smaller;"
                + " pick vertices whose sizes divide");
    }

    private FspShapes() {
    }
}
