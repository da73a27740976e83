package org.distill4j.plugin.darkrank;

import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts both DarkRank losses share, as SameDiff graph pieces over a batch of embeddings {@code [B, D]}: the
 * normalised embeddings, the pairwise distances, the scores {@code S = -alpha d^beta} and a masked log-sum-exp.
 *
 * <p>Every sample of the batch is a query and the other {@code B - 1} samples are its candidates (lenscloth/RKD's
 * choice; TuSimple uses the first half of the batch as queries).
 */
final class DarkRankSimilarities {

    /** Squared norms and squared distances are clamped here before the square root (docs/methods.md §6(e)). */
    static final double SQUARED_FLOOR = 1e-12;

    /**
     * How far below every real score the padding and masked-out entries sit: {@code exp(-1e4)} is zero in float and
     * double, so they carry neither probability nor gradient.
     */
    static final double SCORE_GAP = 1e4;

    /**
     * {@code x / sqrt(max(sum x^2, 1e-12))} per row. The embedding-net family already normalises its
     * {@code embedding} vertex; normalising again is idempotent there and lets any vector tap be used.
     */
    static SDVariable normalise(SameDiff sameDiff, SDVariable embeddings) {
        SDVariable squaredNorm = embeddings.mul(embeddings).sum(true, 1);
        return embeddings.div(sameDiff.math().sqrt(sameDiff.scalarMax(squaredNorm, SQUARED_FLOOR)));
    }

    /**
     * {@code d[q, x] = sqrt(max(||e_q - e_x||^2, 1e-12))}, {@code [B, B]}. The differences are formed explicitly
     * ({@code [B, B, D]}) rather than through a Gram matrix: identical embeddings then get bit-identical distances, so
     * teacher ties are real ties, and the zero diagonal does not come out slightly negative.
     */
    static SDVariable distances(SameDiff sameDiff, SDVariable normalised) {
        DarkRankUnitAxes axes = new DarkRankUnitAxes(sameDiff, normalised);
        SDVariable differences = axes.insert(normalised, 1).sub(axes.insert(normalised, 0));
        SDVariable squared = differences.mul(differences).sum(2);
        // The clamp comes before the square root: the derivative of sqrt at 0 is infinite (the query's own entry).
        return sameDiff.math().sqrt(sameDiff.scalarMax(squared, SQUARED_FLOOR));
    }

    /** {@code S = -alpha d^beta}: near candidates score high. */
    static SDVariable scores(SDVariable distances, double alpha, double beta) {
        return distances.pow(beta).mul(-alpha);
    }

    /**
     * The widest gap between two scores of normalised embeddings ({@code d <= 2}) plus {@link #SCORE_GAP}: a value
     * this far below a real score has no weight in any log-sum-exp.
     */
    static double maskOffset(double alpha, double beta) {
        return alpha * Math.pow(2, beta) + SCORE_GAP;
    }

    /**
     * {@code log sum exp} over the last axis of {@code [n, m, k]} values, {@code [n, m, 1]}; entries that are left
     * out have been pushed {@link #maskOffset} below the others. The shift is the maximum rounded to an integer: like
     * the maximum it keeps every exponential in range, and as an integer tensor it is a constant to SameDiff, which
     * then does not differentiate it (the shift's gradient cancels exactly, and M2.1's reduce_max gradient took 0.4 s
     * on a {@code [256, 720, 6]} tensor).
     */
    static SDVariable logSumExp(SameDiff sameDiff, SDVariable values) {
        SDVariable shift = values.max(true, 2).castTo(DataType.INT64).castTo(values.dataType());
        return shift.add(sameDiff.math().log(sameDiff.math().exp(values.sub(shift)).sum(true, 2)));
    }

    /** The student's or teacher's embedding tap as a {@code [B, D]} variable, rejecting feature maps. */
    static SDVariable embeddings(LossGraph graph, String tap, boolean teacher) {
        long[] shape = teacher ? graph.teacherShape(tap) : graph.studentShape(tap);
        if (shape.length != 2) {
            throw new IllegalArgumentException(problem(teacher ? "teacher" : "student", tap,
                    TensorShape.ofBatchShape(shape)));
        }
        return teacher ? graph.teacher(tap) : graph.student(tap);
    }

    /**
     * What both transfers start from: the student's scores {@code -alpha d_s^beta} and the teacher's distances (which
     * order the candidates), from the two networks' embeddings at {@code tap}, each normalised again.
     */
    record Batch(SDVariable studentScores, SDVariable teacherDistances) {

        static Batch of(LossGraph graph, String tap, double alpha, double beta) {
            SameDiff sameDiff = graph.sameDiff();
            SDVariable student = normalise(sameDiff, embeddings(graph, tap, false));
            SDVariable teacher = normalise(sameDiff, embeddings(graph, tap, true));
            return new Batch(scores(distances(sameDiff, student), alpha, beta), distances(sameDiff, teacher));
        }
    }

    /** Shape problems of the embedding taps: both must be vectors (their widths may differ). */
    static List<String> shapeProblems(String tap, Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        List<String> problems = new ArrayList<>(2);
        shapeProblem("student", tap, student.get(tap)).ifPresent(problems::add);
        shapeProblem("teacher", tap, teacher.get(tap)).ifPresent(problems::add);
        return problems;
    }

    private static Optional<String> shapeProblem(String network, String tap, TensorShape shape) {
        // A tap that is not a vertex is reported by the kernel.
        return shape == null || shape.flat() ? Optional.empty() : Optional.of(problem(network, tap, shape));
    }

    private static String problem(String network, String tap, TensorShape shape) {
        return "DarkRank compares embedding vectors, but the " + network + "'s tap '" + tap + "' is a " + shape
                + " feature map; tap a vector vertex such as the embedding-net family's 'embedding'";
    }

    private DarkRankSimilarities() {
    }
}
