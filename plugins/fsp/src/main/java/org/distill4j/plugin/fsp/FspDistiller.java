package org.distill4j.plugin.fsp;

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
import java.util.TreeSet;

/**
 * The FSP loss of Yim, Joo, Bae and Kim ("A Gift from Knowledge Distillation: Fast Optimization, Network
 * Minimization and Transfer Learning", CVPR 2017): the student learns the teacher's "flow" between two layers,
 * the matrix of inner products of their feature maps ({@link FspMatrix}):
 *
 * <pre>
 *   G  = F1_mat^T F2_mat / (h w)                                                 per sample, C1 x C2
 *   L  = sum_i lambda_i mean_{b, C1, C2} (G_t - G_s)^2                           (code, RepDistiller)
 *   L  = sum_i lambda_i 1/B sum_b |G_t - G_s|_F^2                                (paper, equation 2)
 * </pre>
 *
 * It is the stage-1 objective of the paper's two-stage training: with it alone, the student's feature extractor is
 * fitted to the frozen teacher; stage 2 then trains the whole student with the task loss only. Student and teacher
 * need the same channel counts at every pair ({@link #shapeProblems}). Each pair's term (before its weight) is
 * reported as {@code pair1}, {@code pair2}, ... in the order of the pairs.
 */
public final class FspDistiller implements Distiller {

    private final FspParams params;

    @Inject
    public FspDistiller(FspParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        Set<String> taps = new TreeSet<>();
        params.pairs().forEach(pair -> taps.addAll(pair.student()));
        return taps;
    }

    @Override
    public Set<String> teacherTaps() {
        Set<String> taps = new TreeSet<>();
        params.pairs().forEach(pair -> taps.addAll(pair.teacher()));
        return taps;
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SDVariable total = null;
        for (int i = 0; i < params.pairs().size(); i++) {
            SDVariable term = pairTerm(graph, params.pairs().get(i));
            graph.reportTerm("pair" + (i + 1), term);
            double weight = params.weights().get(i);
            SDVariable weighted = weight == 1.0 ? term : term.mul(weight);
            total = total == null ? weighted : total.add(weighted);
        }
        return total;
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return FspShapes.pairProblems(params.pairs(), student, teacher);
    }

    /** One pair's distance between the teacher's and the student's FSP matrices, before its weight. */
    private SDVariable pairTerm(LossGraph graph, FspPair pair) {
        TensorShape studentFirst = TensorShape.ofBatchShape(graph.studentShape(pair.studentFirst()));
        TensorShape studentSecond = TensorShape.ofBatchShape(graph.studentShape(pair.studentSecond()));
        TensorShape teacherFirst = TensorShape.ofBatchShape(graph.teacherShape(pair.teacherFirst()));
        TensorShape teacherSecond = TensorShape.ofBatchShape(graph.teacherShape(pair.teacherSecond()));
        // Model-file teachers skip shapeProblems, so the same rules are enforced here.
        FspShapes.pairProblem(pair, studentFirst, studentSecond, teacherFirst, teacherSecond).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        SameDiff sameDiff = graph.sameDiff();
        SDVariable student = FspMatrix.of(sameDiff, graph.student(pair.studentFirst()), studentFirst,
                graph.student(pair.studentSecond()), studentSecond);
        SDVariable teacher = FspMatrix.of(sameDiff, graph.teacher(pair.teacherFirst()), teacherFirst,
                graph.teacher(pair.teacherSecond()), teacherSecond);
        SDVariable difference = teacher.sub(student);
        SDVariable squared = difference.mul(difference);
        return params.mode() == FspMode.CODE ? squared.mean() : squared.sum(1, 2).mean();
    }
}
