package org.distill4j.plugin.activationboundaries;

import org.distill4j.api.network.TensorShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape rules of a pair: both vertices are feature maps of the same height and width (the connector is a 1x1
 * convolution, which maps channels but not positions, and the hinge compares position by position). Channel counts
 * may differ: the connector maps the student's to the teacher's.
 */
final class ActivationBoundariesShapes {

    /** Every pair's problem, for {@code Distiller.shapeProblems}; a tap missing from its network is skipped. */
    static List<String> pairProblems(List<ActivationBoundariesPair> pairs, Map<String, TensorShape> student,
            Map<String, TensorShape> teacher) {
        List<String> problems = new ArrayList<>();
        for (ActivationBoundariesPair pair : pairs) {
            TensorShape studentShape = student.get(pair.student());
            TensorShape teacherShape = teacher.get(pair.teacher());
            if (studentShape != null && teacherShape != null) {
                pairProblem(pair, studentShape, teacherShape).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** The first thing wrong with a pair's shapes, as one sentence naming the pair and both shapes, or nothing. */
    static Optional<String> pairProblem(ActivationBoundariesPair pair, TensorShape student, TensorShape teacher) {
        if (student.flat() || teacher.flat()) {
            return Optional.of("pair " + pair + ": the student vertex is " + describe(student) + " and the teacher"
                    + " vertex " + describe(teacher) + "; ab compares pre-activation feature maps through a 1x1"
                    + " convolution connector, so tap C x H x W maps before a ReLU, e.g. a batch-norm vertex such"
                    + " as stage2.block1.bn1");
        }
        if (student.height() != teacher.height() || student.width() != teacher.width()) {
            return Optional.of("pair " + pair + ": the student map " + student + " and the teacher map " + teacher
                    + " differ in height or width; the 1x1 connector maps channels only, so pair vertices of the"
                    + " same resolution (e.g. the same stage of both networks)");
        }
        return Optional.empty();
    }

    private static String describe(TensorShape shape) {
        return shape.flat() ? "a vector of " + shape.channels() + " units" : "a feature map " + shape;
    }

    private ActivationBoundariesShapes() {
    }
}
