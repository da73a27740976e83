package org.distill4j.plugin.similaritypreserving;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Objects;
import java.util.Set;

/**
 * Similarity-preserving knowledge distillation (Tung and Mori, ICCV 2019, arXiv:1907.09682):
 *
 * <pre>
 *   Q   = the activation flattened per sample, [B, C H W]
 *   G   = normalize_rows(Q Q^T)                            [B, B], each row divided by its L2 norm
 *   L   = gamma sum_pairs 1/B^2 |G_s - G_t|_F^2
 * </pre>
 *
 * as RepDistiller's {@code Similarity} computes it. Only B x B matrices are compared, so the two activations of a pair
 * may have any shapes. This is the SP term only: list it with {@code cross-entropy} or {@code hinton-kd}.
 */
public final class SimilarityPreservingDistiller implements Distiller {

    private final SimilarityPreservingParams params;

    @Inject
    public SimilarityPreservingDistiller(SimilarityPreservingParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return params.studentTaps();
    }

    @Override
    public Set<String> teacherTaps() {
        return params.teacherTaps();
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        SDVariable total = null;
        for (SimilarityPreservingPair pair : params.pairs()) {
            SDVariable student = SimilarityPreservingGram.of(sameDiff, graph.student(pair.student()),
                    graph.studentShape(pair.student()));
            SDVariable teacher = SimilarityPreservingGram.of(sameDiff, graph.teacher(pair.teacher()),
                    graph.teacherShape(pair.teacher()));
            SDVariable difference = student.sub(teacher);
            // The mean over the B x B entries is the squared Frobenius norm divided by B^2.
            SDVariable term = difference.mul(difference).mean();
            total = total == null ? term : total.add(term);
        }
        graph.reportTerm("similarity", total);
        return total.mul(params.gamma());
    }
}
