package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pieces both distillers share: the shape rules of a pair, matching spatial sizes, per-sample normalisation and
 * the distance.
 */
final class AttentionMaps {

    /** Added to the norm: PyTorch's {@code F.normalize} uses max(norm, 1e-12), which only matters for all-zero maps. */
    static final double NORM_EPSILON = 1e-12;

    /** Inside the paper mode's square root, so identical maps have a finite (zero) gradient. */
    private static final double ROOT_EPSILON = 1e-30;

    /** Every pair's shape problem (see {@link #pairProblem}), for {@code Distiller.shapeProblems}. */
    static List<String> pairProblems(List<AttentionTransferPair> pairs, Map<String, TensorShape> student,
            Map<String, TensorShape> teacher, boolean sameChannels) {
        List<String> problems = new ArrayList<>();
        for (AttentionTransferPair pair : pairs) {
            pairProblem(pair, student.get(pair.student()), teacher.get(pair.teacher()), sameChannels)
                    .ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * What is wrong with a pair's shapes, if anything: both must be feature maps whose spatial sizes are integer
     * multiples of each other (the larger is pooled to the smaller), with equal channels when {@code sameChannels}.
     */
    static Optional<String> pairProblem(AttentionTransferPair pair, TensorShape student, TensorShape teacher,
            boolean sameChannels) {
        for (TensorShape shape : List.of(student, teacher)) {
            if (shape.flat()) {
                String role = shape == student ? "student" : "teacher";
                return Optional.of("pair " + pair + ": the " + role + " vertex is a vector of " + shape.channels()
                        + " units, not a feature map; pick C x H x W activations, e.g. a block or group output");
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
        if (sameChannels && student.channels() != teacher.channels()) {
            return Optional.of("pair " + pair + ": activation transfer compares whole activations, so the channels"
                    + " must match, got " + student.channels() + " (student) and " + teacher.channels()
                    + " (teacher); use attention-transfer, which compares channel-free maps");
        }
        return Optional.empty();
    }

    /**
     * A pair's two activations as {@code [B, C, H, W]} at the smaller of the two spatial sizes: the larger map is
     * average-pooled over blocks of {@code H/h x W/w} ({@link Losses#averagePool}) before any mapping (as RepDistiller
     * does; pooling a power of the activation instead would change the result).
     */
    static PairMaps atCommonSize(LossGraph graph, AttentionTransferPair pair, boolean sameChannels) {
        TensorShape student = TensorShape.ofBatchShape(graph.studentShape(pair.student()));
        TensorShape teacher = TensorShape.ofBatchShape(graph.teacherShape(pair.teacher()));
        pairProblem(pair, student, teacher, sameChannels).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        int height = Math.min(student.height(), teacher.height());
        int width = Math.min(student.width(), teacher.width());
        return new PairMaps(Losses.averagePool(graph.student(pair.student()), student, height, width),
                Losses.averagePool(graph.teacher(pair.teacher()), teacher, height, width), student.channels(),
                teacher.channels(), height, width);
    }

    /** Each row of {@code [B, N]} divided by its L2 norm (plus {@link #NORM_EPSILON}). */
    static SDVariable normalizeRows(SameDiff sameDiff, SDVariable rows) {
        SDVariable norm = sameDiff.math().sqrt(rows.mul(rows).sum(true, 1));
        return rows.div(norm.add(NORM_EPSILON));
    }

    /**
     * The sum over pairs of the distance between the normalised vectors {@code toVectors} makes of each pair's maps
     * at a common size.
     */
    static SDVariable sumOverPairs(LossGraph graph, List<AttentionTransferPair> pairs, AttentionTransferMode mode,
            boolean sameChannels, Function<PairMaps, Vectors> toVectors) {
        SDVariable total = null;
        for (AttentionTransferPair pair : pairs) {
            Vectors vectors = toVectors.apply(atCommonSize(graph, pair, sameChannels));
            SDVariable term = distance(graph.sameDiff(), vectors.student(), vectors.teacher(), vectors.elements(),
                    mode);
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /**
     * The distance between two batches of normalised vectors {@code [B, N]}: the mean of the squared difference over
     * batch and elements (code), or the per-sample L2 norm of the difference summed over the batch, divided by B N,
     * times 1/2 (paper).
     */
    static SDVariable distance(SameDiff sameDiff, SDVariable student, SDVariable teacher, long elements,
            AttentionTransferMode mode) {
        SDVariable difference = student.sub(teacher);
        SDVariable squared = difference.mul(difference);
        if (mode == AttentionTransferMode.CODE) {
            return squared.mean();
        }
        SDVariable perSample = sameDiff.math().sqrt(squared.sum(1).add(ROOT_EPSILON));
        return perSample.mean().div(2.0 * elements);
    }

    /** A pair's normalised student and teacher vectors {@code [B, elements]}. */
    record Vectors(SDVariable student, SDVariable teacher, long elements) {
    }


    private AttentionMaps() {
    }
}
