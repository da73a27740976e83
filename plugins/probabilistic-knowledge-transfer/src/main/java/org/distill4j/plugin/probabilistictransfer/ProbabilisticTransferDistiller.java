package org.distill4j.plugin.probabilistictransfer;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Objects;
import java.util.Set;

/**
 * Probabilistic knowledge transfer (Passalis and Tefas, ECCV 2018, arXiv:1803.10837), the authors' loss
 * (passalis/probabilistic_kt {@code nn/pkt.py} {@code cosine_similarity_loss}, which RepDistiller copies):
 *
 * <pre>
 *   x_i    = f_i / (|f_i|_2 + eps)                               f flattened per sample, eps = 1e-7
 *   K[i,j] = (x_i . x_j + 1) / 2                                 cosine similarity mapped to [0, 1]
 *   P[i,j] = K[i,j] / sum_k K[i,k]                               for the teacher (P) and the student (Q)
 *   L      = beta 1/B^2 sum_ij P[i,j] log((P[i,j] + eps) / (Q[i,j] + eps))
 * </pre>
 *
 * The mean runs over all B^2 entries ({@code torch.mean}), so L is the mean over rows of each row's KL divergence,
 * divided by B. This is the PKT term only: list it with {@code cross-entropy} or {@code hinton-kd}.
 */
public final class ProbabilisticTransferDistiller implements Distiller {

    private final ProbabilisticTransferParams params;

    @Inject
    public ProbabilisticTransferDistiller(ProbabilisticTransferParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(params.student());
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of(params.teacher());
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        SDVariable student = ProbabilisticTransferDensities.of(sameDiff, graph.student(params.student()),
                graph.studentShape(params.student()));
        SDVariable teacher = ProbabilisticTransferDensities.of(sameDiff, graph.teacher(params.teacher()),
                graph.teacherShape(params.teacher()));
        double epsilon = ProbabilisticTransferDensities.EPSILON;
        SDVariable logRatio = sameDiff.math().log(teacher.add(epsilon)).sub(sameDiff.math().log(student.add(epsilon)));
        SDVariable divergence = teacher.mul(logRatio).mean();
        graph.reportTerm("divergence", divergence);
        return divergence.mul(params.beta());
    }
}
