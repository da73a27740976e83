package org.distill4j.plugin.darkrank;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * DarkRank's soft transfer (Chen, Wang and Zhang, "DarkRank: Accelerating Deep Metric Learning via Cross Sample
 * Similarities Transfer", AAAI 2018, arXiv:1707.01220): ListNet, the KL divergence between the teacher's and the
 * student's Plackett-Luce distributions over every order of each query's L teacher-nearest candidates.
 *
 * <pre>
 *   e       = x / sqrt(max(|x|^2, 1e-12))                              (student and teacher embeddings)
 *   d[q, x] = sqrt(max(|e_q - e_x|^2, 1e-12)),   S = -alpha d^beta
 *   X_q     = the L candidates nearest to q by the teacher (ties to the lower batch index), nearest first
 *   P(pi)   = prod_i exp(S(x_pi(i))) / sum_{k >= i} exp(S(x_pi(k)))      for every order pi of X_q
 *   L_q     = sum_pi P_t(pi) (log P_t(pi) - log P_s(pi))
 *   L       = 1/B sum_q L_q                                             (every sample is a query)
 * </pre>
 *
 * TuSimple's code minimises the cross-entropy {@code -sum P_t log P_s}, which has the same gradient; the KL is
 * reported because it is zero when the student ranks like the teacher. The lists are picked with one-hot masks of
 * the teacher's ranks, and a batch with fewer than L + 1 samples fills the missing positions with a score far below
 * every real one in both lists: those positions come last with probability 1 for both networks and add nothing.
 */
public final class DarkRankSoftDistiller implements Distiller {

    private final DarkRankSoftParams params;

    @Inject
    public DarkRankSoftDistiller(DarkRankSoftParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(params.embedding());
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of(params.embedding());
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        DarkRankSimilarities.Batch batch = DarkRankSimilarities.Batch.of(graph, params.embedding(), params.alpha(),
                params.beta());
        SDVariable studentScores = batch.studentScores();
        SDVariable teacherDistances = batch.teacherDistances();
        SDVariable teacherScores = DarkRankSimilarities.scores(teacherDistances, params.alpha(), params.beta());
        DarkRankUnitAxes axes = new DarkRankUnitAxes(sameDiff, teacherDistances);
        SDVariable ranks = new DarkRankTeacherOrder(sameDiff, teacherDistances, axes).ranks();

        int length = params.listLength();
        double[] positions = new double[length];
        for (int r = 0; r < length; r++) {
            positions[r] = r;
        }
        // select[b, r, k]: candidate k is the r-th nearest to query b by the teacher.
        SDVariable positionIndex = sameDiff.constant(
                Nd4j.createFromArray(positions).castTo(ranks.dataType()).reshape(1, length, 1));
        SDVariable select = sameDiff.eq(axes.insert(ranks, 1), positionIndex).castTo(ranks.dataType());
        SDVariable missing = select.sum(2).rsub(1.0);
        double offset = DarkRankSimilarities.maskOffset(params.alpha(), params.beta());
        SDVariable teacherList = select.mul(axes.insert(teacherScores, 1)).sum(2).add(missing.mul(-offset));
        SDVariable studentList = select.mul(axes.insert(studentScores, 1)).sum(2).add(missing.mul(-offset));

        // Both networks' lists in one pass ([2B, L] in, [2, B, L!] out): every op costs a fixed overhead.
        // Unstacked, not sliced: M2.1's strided-slice gradient fails on a one-sample batch.
        SDVariable[] logProbabilities = sameDiff.unstack(DarkRankPermutations.logProbabilities(sameDiff,
                sameDiff.concat(0, teacherList, studentList), length, offset)
                .reshape(2, -1, DarkRankPermutations.count(length)), 0, 2);
        SDVariable teacherLog = logProbabilities[0];
        SDVariable studentLog = logProbabilities[1];
        SDVariable perQuery = sameDiff.math().exp(teacherLog).mul(teacherLog.sub(studentLog)).sum(1);
        SDVariable loss = perQuery.mean();
        graph.reportTerm("listnet", loss);
        return loss;
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return DarkRankSimilarities.shapeProblems(params.embedding(), student, teacher);
    }
}
