package org.distill4j.plugin.darkrank;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * DarkRank's hard transfer (Chen, Wang and Zhang, "DarkRank: Accelerating Deep Metric Learning via Cross Sample
 * Similarities Transfer", AAAI 2018, arXiv:1707.01220): ListMLE, the student's negative log Plackett-Luce likelihood
 * of the teacher's ranking of each query's candidates.
 *
 * <pre>
 *   e       = x / sqrt(max(|x|^2, 1e-12))                              (student and teacher embeddings)
 *   d[q, x] = sqrt(max(|e_q - e_x|^2, 1e-12)),   S = -alpha d^beta
 *   pi_t    = the candidates of q (every other sample, or the L nearest by the teacher) by ascending teacher d,
 *             ties to the lower batch index
 *   L_q     = -sum_i [ S_s(pi_t(i)) - logsumexp_{k >= i} S_s(pi_t(k)) ]
 *   L       = 1/B sum_q L_q                                             (every sample is a query)
 * </pre>
 *
 * The teacher's order is compared, not sorted ({@link DarkRankTeacherOrder}), and the suffix of candidate j, the
 * listed candidates that do not come before it, is a {@code [B, B, B]} mask. Its log-sum-exp subtracts (about) the
 * maximum over the masked set, so scores far below the others (TuSimple's {@code S = -12.25 d^4} reaches -196) do
 * not underflow.
 */
public final class DarkRankHardDistiller implements Distiller {

    private final DarkRankHardParams params;

    @Inject
    public DarkRankHardDistiller(DarkRankHardParams params) {
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
        SDVariable scores = batch.studentScores();
        SDVariable teacherDistances = batch.teacherDistances();
        DarkRankUnitAxes axes = new DarkRankUnitAxes(sameDiff, teacherDistances);
        DarkRankTeacherOrder order = new DarkRankTeacherOrder(sameDiff, teacherDistances, axes);

        // A batch smaller than the list simply has fewer candidates: the mask holds whoever is there.
        SDVariable listed = order.candidates();
        if (params.listLength() > 0) {
            listed = listed.mul(order.ranks().lt((double) params.listLength()).castTo(scores.dataType()));
        }
        // masked[b, j, k] = S[b, k], pushed down by the offset where k is not in the normaliser of j's position:
        // k is not listed, or k comes before j (for a listed j, only listed candidates come before it).
        double offset = DarkRankSimilarities.maskOffset(params.alpha(), params.beta());
        SDVariable listedScores = scores.add(listed.sub(1.0).mul(offset));
        SDVariable masked = axes.insert(listedScores, 1).sub(order.ahead().mul(offset));
        // Rows j outside the list have an empty suffix and a finite, meaningless normaliser, multiplied by 0 below.
        SDVariable logSumExp = sameDiff.reshape(DarkRankSimilarities.logSumExp(sameDiff, masked),
                sameDiff.shape(scores));
        SDVariable perQuery = scores.sub(logSumExp).mul(listed).sum(1).neg();
        SDVariable loss = perQuery.mean();
        graph.reportTerm("listmle", loss);
        return loss;
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return DarkRankSimilarities.shapeProblems(params.embedding(), student, teacher);
    }
}
