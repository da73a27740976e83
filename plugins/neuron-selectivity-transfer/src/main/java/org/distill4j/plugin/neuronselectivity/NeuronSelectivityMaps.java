package org.distill4j.plugin.neuronselectivity;

import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pair's two feature maps as sets of neuron selectivity patterns: each channel's spatial map, flattened and scaled
 * to unit length, {@code [B, C, H W]} at a spatial size both share.
 */
final class NeuronSelectivityMaps {

    /**
     * Added to the squared norm before the square root: TuSimple's {@code L2Normalization(eps=1e-10,
     * mode='spatial')}, {@code x / sqrt(sum x^2 + eps)}. An all-zero channel (a dead ReLU) stays zero with a finite
     * derivative.
     */
    static final double SQUARED_NORM_EPSILON = 1e-10;

    /** Every pair's shape problem (see {@link #pairProblem}), for {@code Distiller.shapeProblems}. */
    static List<String> pairProblems(List<NeuronSelectivityPair> pairs, Map<String, TensorShape> student,
            Map<String, TensorShape> teacher) {
        List<String> problems = new ArrayList<>();
        for (NeuronSelectivityPair pair : pairs) {
            TensorShape studentShape = student.get(pair.student());
            TensorShape teacherShape = teacher.get(pair.teacher());
            // A tap that is not a vertex is reported by the kernel.
            if (studentShape != null && teacherShape != null) {
                pairProblem(pair, studentShape, teacherShape).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /**
     * What is wrong with a pair's shapes, if anything: both must be feature maps (a channel's selectivity is a
     * spatial pattern) whose spatial sizes are integer multiples of each other. The channel counts may differ: the
     * MMD compares two sets of patterns of any sizes.
     */
    static Optional<String> pairProblem(NeuronSelectivityPair pair, TensorShape student, TensorShape teacher) {
        for (TensorShape shape : List.of(student, teacher)) {
            if (shape.flat()) {
                String role = shape == student ? "student" : "teacher";
                return Optional.of("pair " + pair + ": the " + role + " vertex is a vector of " + shape.channels()
                        + " units, not a feature map; NST compares the spatial activation patterns of channels, so"
                        + " pick C x H x W activations, e.g. a block or group output");
            }
        }
        int height = Math.min(student.height(), teacher.height());
        int width = Math.min(student.width(), teacher.width());
        for (TensorShape shape : List.of(student, teacher)) {
            if (shape.height() % height != 0 || shape.width() % width != 0) {
                return Optional.of("pair " + pair + ": the spatial sizes " + student.height() + "x" + student.width()
                        + " (student) and " + teacher.height() + "x" + teacher.width() + " (teacher) are not integer"
                        + " multiples of each other, so the larger map cannot be average-pooled to the smaller; pick"
                        + " vertices whose sizes divide");
            }
        }
        return Optional.empty();
    }

    /**
     * The pair's normalised patterns, student and teacher, {@code [B, C, h w]} at the smaller spatial size
     * {@code h x w}: the larger map is average-pooled over blocks first ({@link Losses#averagePool}), as RepDistiller's
     * {@code adaptive_avg_pool2d} does before it normalises.
     */
    static SDVariable[] patterns(LossGraph graph, NeuronSelectivityPair pair) {
        TensorShape student = TensorShape.ofBatchShape(graph.studentShape(pair.student()));
        TensorShape teacher = TensorShape.ofBatchShape(graph.teacherShape(pair.teacher()));
        pairProblem(pair, student, teacher).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        int height = Math.min(student.height(), teacher.height());
        int width = Math.min(student.width(), teacher.width());
        SameDiff sameDiff = graph.sameDiff();
        SDVariable studentMap = Losses.averagePool(graph.student(pair.student()), student, height, width);
        SDVariable teacherMap = Losses.averagePool(graph.teacher(pair.teacher()), teacher, height, width);
        return new SDVariable[] {
            normalised(sameDiff, studentMap.reshape(-1, student.channels(), (long) height * width)),
            normalised(sameDiff, teacherMap.reshape(-1, teacher.channels(), (long) height * width))};
    }

    /** Each row of {@code [B, C, N]} over its {@code N} positions: {@code f / sqrt(sum f^2 + 1e-10)}. */
    static SDVariable normalised(SameDiff sameDiff, SDVariable rows) {
        SDVariable norms = sameDiff.math().sqrt(rows.mul(rows).sum(true, 2).add(SQUARED_NORM_EPSILON));
        return rows.mul(norms.rdiv(1.0));
    }

    private NeuronSelectivityMaps() {
    }
}
