package org.distill4j.plugin.fitnets;

import org.distill4j.api.network.TensorShape;

import java.util.Optional;

/**
 * The shape rules of a hint pair: both vertices are feature maps (the regressor is a convolution) or both are
 * vectors (a dense map), and a student map is at least the teacher's size in height and width, since a convolution
 * without padding can shrink a map but never enlarge it. Channel counts may differ: the regressor maps them.
 */
final class HintShapes {

    /** The first thing wrong with the pair's shapes, as one sentence naming both vertices and shapes, or nothing. */
    static Optional<String> problem(FitnetsHintParams params, TensorShape student, TensorShape teacher) {
        if (student.flat() != teacher.flat()) {
            return Optional.of("the student's guided vertex " + params.student() + " is " + describe(student)
                    + " but the teacher's hint vertex " + params.teacher() + " is " + describe(teacher) + "; the"
                    + " regressor maps a feature map to a feature map (a convolution) or a vector to a vector (a"
                    + " dense map), so tap two feature maps (e.g. stage2.output in both) or two vectors");
        }
        if (!student.flat() && (student.height() < teacher.height() || student.width() < teacher.width())) {
            return Optional.of("the student's guided vertex " + params.student() + " (" + student + ") is smaller"
                    + " than the teacher's hint vertex " + params.teacher() + " (" + teacher + ") in height or"
                    + " width; the regressor is a convolution without padding of kernel (Hs-Ht+1)x(Ws-Wt+1), which"
                    + " cannot enlarge a map, so guide an earlier student vertex (at least " + teacher.height() + "x"
                    + teacher.width() + ") or hint from a later teacher vertex");
        }
        if (params.regressor() == HintRegressor.CONV_BN_RELU && student.flat()) {
            return Optional.of("regressor conv-bn-relu is RepDistiller's ConvReg, a convolution between feature maps,"
                    + " but " + params.student() + " and " + params.teacher() + " are vectors; use regressor conv"
                    + " (a dense map) or tap feature maps");
        }
        if (params.regressor() == HintRegressor.CONV_BN_RELU && (student.height() == 2 * teacher.height()
                || 2 * student.height() == teacher.height())) {
            return Optional.of("the student's guided vertex " + params.student() + " (" + student + ") is twice or"
                    + " half the height of the teacher's hint vertex " + params.teacher() + " (" + teacher + "),"
                    + " where RepDistiller's ConvReg uses a stride-2 or transposed convolution that regressor"
                    + " conv-bn-relu does not implement; tap maps of the same size, or use regressor conv");
        }
        return Optional.empty();
    }

    private static String describe(TensorShape shape) {
        return shape.flat() ? "a vector of " + shape.channels() + " units" : "a feature map " + shape;
    }

    private HintShapes() {
    }
}
