package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/** The SameDiff pieces both distillers share: matching spatial sizes, per-sample normalisation and the distance. */
final class AttentionMaps {

    /** Added to the norm: PyTorch's {@code F.normalize} uses max(norm, 1e-12), which only matters for all-zero maps. */
    static final double NORM_EPSILON = 1e-12;

    /** Inside the paper mode's square root, so identical maps have a finite (zero) gradient. */
    private static final double ROOT_EPSILON = 1e-30;

    /**
     * A pair's two activations as {@code [B, C, H, W]} at the smaller of the two spatial sizes: the larger map is
     * average-pooled over blocks of {@code H/h x W/w} before any mapping (as RepDistiller does; pooling a power of the
     * activation instead would change the result).
     */
    static PairMaps atCommonSize(LossGraph graph, AttentionTransferPair pair) {
        long[] student = mapShape(graph.studentShape(pair.student()), "student", pair);
        long[] teacher = mapShape(graph.teacherShape(pair.teacher()), "teacher", pair);
        long height = Math.min(student[2], teacher[2]);
        long width = Math.min(student[3], teacher[3]);
        for (long[] shape : new long[][] {student, teacher}) {
            if (shape[2] % height != 0 || shape[3] % width != 0) {
                throw new IllegalArgumentException("pair " + pair + ": the spatial sizes " + student[2] + "x"
                        + student[3] + " (student) and " + teacher[2] + "x" + teacher[3] + " (teacher) are not integer"
                        + " multiples of each other, so the larger map cannot be average-pooled to the smaller; pick vertices whose"
                        + " sizes divide");
            }
        }
        return new PairMaps(pool(graph.student(pair.student()), student, height, width),
                pool(graph.teacher(pair.teacher()), teacher, height, width), student[1], teacher[1], height, width);
    }

    /** {@code [B, C, H, W]} to {@code [B, C, h, w]} by averaging blocks; unchanged when the size already is h x w. */
    private static SDVariable pool(SDVariable map, long[] shape, long height, long width) {
        if (shape[2] == height && shape[3] == width) {
            return map;
        }
        long rows = shape[2] / height;
        long columns = shape[3] / width;
        return map.reshape(-1, shape[1], height, rows, width, columns).mean(3, 5);
    }

    /** Each row of {@code [B, N]} divided by its L2 norm (plus {@link #NORM_EPSILON}). */
    static SDVariable normalizeRows(SameDiff sameDiff, SDVariable rows) {
        SDVariable norm = sameDiff.math().sqrt(rows.mul(rows).sum(true, 1));
        return rows.div(norm.add(NORM_EPSILON));
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

    /**
     * The sum over pairs of the distance between the normalised vectors {@code toVectors} makes of each pair's maps
     * at a common size (student first, with their element count).
     */
    static SDVariable sumOverPairs(LossGraph graph, List<AttentionTransferPair> pairs,
            AttentionTransferMode mode, BiFunction<AttentionTransferPair, PairMaps, Vectors> toVectors) {
        SDVariable total = null;
        for (AttentionTransferPair pair : pairs) {
            Vectors vectors = toVectors.apply(pair, atCommonSize(graph, pair));
            SDVariable term = distance(graph.sameDiff(), vectors.student(), vectors.teacher(), vectors.elements(),
                    mode);
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /** A pair's normalised student and teacher vectors {@code [B, elements]}. */
    record Vectors(SDVariable student, SDVariable teacher, long elements) {
    }

    private static long[] mapShape(long[] shape, String role, AttentionTransferPair pair) {
        if (shape.length != 4) {
            throw new IllegalArgumentException("pair " + pair + ": the " + role + " vertex is not a feature map (shape "
                    + Arrays.toString(shape) + "); attention needs C x H x W activations, e.g. a block or group"
                    + " output");
        }
        return shape;
    }

    private AttentionMaps() {
    }
}
