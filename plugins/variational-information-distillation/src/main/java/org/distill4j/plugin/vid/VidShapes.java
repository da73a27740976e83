package org.distill4j.plugin.vid;

import org.distill4j.api.network.TensorShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape rules of a pair: both vertices are feature maps (the regressor is a 1x1 convolution) whose spatial sizes
 * are integer multiples of each other, since the larger is average-pooled to the smaller (RepDistiller uses adaptive
 * pooling, which for sizes that divide is exactly this block average). Channel counts may differ: the regressor maps
 * them.
 */
final class VidShapes {

    /** Every pair's problem, skipping pairs with a vertex the network lacks (the kernel reports those). */
    static List<String> problems(List<VidPair> pairs, Map<String, TensorShape> student,
            Map<String, TensorShape> teacher) {
        List<String> problems = new ArrayList<>();
        for (VidPair pair : pairs) {
            TensorShape studentShape = student.get(pair.student());
            TensorShape teacherShape = teacher.get(pair.teacher());
            if (studentShape != null && teacherShape != null) {
                problem(pair, studentShape, teacherShape).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** What is wrong with a pair's shapes, as one sentence naming the pair and both shapes, or nothing. */
    static Optional<String> problem(VidPair pair, TensorShape student, TensorShape teacher) {
        for (TensorShape shape : List.of(student, teacher)) {
            if (shape.flat()) {
                String role = shape == student ? "student" : "teacher";
                return Optional.of("vid pair " + pair + ": the " + role + " vertex is a vector of "
                        + shape.channels() + " units, not a feature map; the regressor is a 1x1 convolution over"
                        + " C x H x W maps, so pick a block or group output, e.g. stage1.output");
            }
        }
        int height = Math.min(student.height(), teacher.height());
        int width = Math.min(student.width(), teacher.width());
        for (TensorShape shape : List.of(student, teacher)) {
            if (shape.height() % height != 0 || shape.width() % width != 0) {
                return Optional.of("vid pair " + pair + ": the spatial sizes " + student.height() + "x"
                        + student.width() + " (student) and " + teacher.height() + "x" + teacher.width()
                        + " (teacher) are not integer multiples of each other, so the larger map cannot be"
                        + " average-pooled to the smaller; pick vertices whose sizes divide");
            }
        }
        return Optional.empty();
    }

    private VidShapes() {
    }
}
