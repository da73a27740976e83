package org.distill4j.plugin.correlationcongruence;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Correlation congruence for knowledge distillation (Peng et al., ICCV 2019, arXiv:1904.01802), the correlation term
 * on trainable linear embeddings {@code e_s = vec(A_s) W_s + b_s}, {@code e_t = vec(A_t) W_t + b_t} (by default in
 * code mode) or on the flattened taps themselves ({@code e = vec(A)}, by default in paper mode):
 *
 * <pre>
 *   code:   L = beta 1/(B-1) sum_{b<B-1} sum_d |e_s - e_t|[b, d] |e_s - e_t|[b+1, d]    (RepDistiller CC.py)
 *   paper:  L = beta 1/B^2 |K(e_s) - K(e_t)|_F^2,  K the Taylor-expanded Gaussian kernel matrix of the batch
 * </pre>
 *
 * This is the CC term only: the paper's instance congruence is Hinton KD, so list it with {@code hinton-kd} (the
 * paper's CCKD) or {@code cross-entropy} (RepDistiller's CC).
 */
public final class CorrelationCongruenceDistiller implements Distiller {

    private final CorrelationCongruenceParams params;

    @Inject
    public CorrelationCongruenceDistiller(CorrelationCongruenceParams params) {
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
        TensorShape studentShape = TensorShape.ofBatchShape(graph.studentShape(params.student()));
        TensorShape teacherShape = TensorShape.ofBatchShape(graph.teacherShape(params.teacher()));
        problem(studentShape, teacherShape).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        SameDiff sameDiff = graph.sameDiff();
        SDVariable student = CorrelationCongruenceEmbedding.apply(graph, graph.student(params.student()),
                studentShape.size(), CorrelationCongruenceEmbedding.STUDENT, params.embeddingSize());
        SDVariable teacher = CorrelationCongruenceEmbedding.apply(graph, graph.teacher(params.teacher()),
                teacherShape.size(), CorrelationCongruenceEmbedding.TEACHER, params.embeddingSize());
        SDVariable term;
        if (params.mode() == CorrelationCongruenceMode.CODE) {
            term = CorrelationCongruenceNeighbours.meanProduct(sameDiff, student.sub(teacher), graph.labels());
        } else {
            SDVariable difference = CorrelationCongruenceKernel.correlations(sameDiff, student, params.gamma(),
                    params.order()).sub(CorrelationCongruenceKernel.correlations(sameDiff, teacher, params.gamma(),
                    params.order()));
            term = difference.mul(difference).mean();
        }
        graph.reportTerm("correlation", term);
        return term.mul(params.beta());
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        TensorShape studentShape = student.get(params.student());
        TensorShape teacherShape = teacher.get(params.teacher());
        // A tap that is not a vertex is reported by the kernel.
        if (studentShape == null || teacherShape == null) {
            return List.of();
        }
        return problem(studentShape, teacherShape).stream().toList();
    }

    /**
     * Code mode subtracts the two embeddings, so without embeddings the taps must have as many elements per sample;
     * with embeddings (both of the same width) or in paper mode (B x B matrices) any shapes do.
     */
    private Optional<String> problem(TensorShape student, TensorShape teacher) {
        if (params.mode() != CorrelationCongruenceMode.CODE || params.embeddingSize() > 0
                || student.size() == teacher.size()) {
            return Optional.empty();
        }
        return Optional.of("correlation congruence in code mode subtracts the student's from the teacher's"
                + " features, but without embeddings (embedding-size 0) the student's '" + params.student() + "' ("
                + student + ", " + student.size() + " values) and the teacher's '" + params.teacher() + "' ("
                + teacher + ", " + teacher.size() + " values) differ in size; give embedding-size > 0 (128 in"
                + " RepDistiller), pick taps of equal size, or use mode: paper");
    }
}
