package org.distill4j.plugin.darkrank;

import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts both DarkRank losses share, as SameDiff graph pieces over a batch of embeddings {@code [B, D]}: the
 * normalised embeddings, the pairwise distances, the scores {@code S = -alpha d^beta} and the teacher's ranking of
 * every query's candidates.
 *
 * <p>Every sample of the batch is a query and the other {@code B - 1} samples are its candidates (lenscloth/RKD's
 * choice; TuSimple uses the first half of the batch as queries).
 */
final class DarkRankSimilarities {

    /** Squared norms and squared distances are clamped here before the square root (methods.md §6(e)). */
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
        SDVariable differences = withUnitAxis(sameDiff, normalised, 1).sub(withUnitAxis(sameDiff, normalised, 0));
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
     * The teacher's rank of every candidate of every query, {@code [B, B]}: {@code rank[b, k]} counts the candidates
     * {@code k'} of query {@code b} that are nearer to it than {@code k}, or as near and earlier in the batch, so
     * ranks are 0 to {@code B - 2} without ties and sorting is not needed (a data-dependent sort has no SameDiff
     * gradient, and the teacher needs none). The query's own entry is -1: it is in no list.
     *
     * @param distances teacher distances {@code [B, B]}
     */
    static SDVariable teacherRanks(SameDiff sameDiff, SDVariable distances) {
        SDVariable ones = sameDiff.onesLike(distances);
        // Index grids from cumulative sums of ones, because the batch size is only known when the graph runs.
        SDVariable rowIndex = sameDiff.cumsum(ones, true, false, 0);
        SDVariable columnIndex = sameDiff.cumsum(ones, true, false, 1);
        SDVariable query = sameDiff.eq(rowIndex, columnIndex).castTo(distances.dataType());
        SDVariable earlier = sameDiff.lt(columnIndex, rowIndex).castTo(distances.dataType());

        // [b, k, k']: is candidate k' ahead of candidate k in query b's list?
        SDVariable candidateDistance = withUnitAxis(sameDiff, distances, 2);
        SDVariable otherDistance = withUnitAxis(sameDiff, distances, 1);
        SDVariable nearer = sameDiff.lt(otherDistance, candidateDistance).castTo(distances.dataType());
        SDVariable tied = sameDiff.eq(otherDistance, candidateDistance).castTo(distances.dataType());
        SDVariable ahead = nearer.add(tied.mul(withUnitAxis(sameDiff, earlier, 0)));
        SDVariable otherIsCandidate = withUnitAxis(sameDiff, query.rsub(1.0), 1);
        SDVariable ranks = ahead.mul(otherIsCandidate).sum(2);
        return ranks.mul(query.rsub(1.0)).sub(query);
    }

    /**
     * A matrix {@code [m, n]} with a unit axis inserted at {@code axis} (0, 1 or 2), for broadcasting. Not
     * {@code expandDims}: in ND4J 1.0.0-M2.1 it returns a {@code [1, 1]} matrix unchanged, which breaks the
     * one-sample batch the trainer ends an epoch with when the data leave one over.
     */
    static SDVariable withUnitAxis(SameDiff sameDiff, SDVariable matrix, int axis) {
        SDVariable shape = sameDiff.shape(matrix);
        SDVariable rows = sameDiff.gather(shape, new int[] {0}, 0);
        SDVariable columns = sameDiff.gather(shape, new int[] {1}, 0);
        SDVariable unit = sameDiff.onesLike(rows);
        SDVariable[] sizes = switch (axis) {
            case 0 -> new SDVariable[] {unit, rows, columns};
            case 1 -> new SDVariable[] {rows, unit, columns};
            case 2 -> new SDVariable[] {rows, columns, unit};
            default -> throw new IllegalArgumentException("a matrix has unit axes 0, 1 or 2, not " + axis);
        };
        return sameDiff.reshape(matrix, sameDiff.concat(0, sizes));
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
