package org.distill4j.plugin.fitnets;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The hint loss of Romero et al. ("FitNets: Hints for Thin Deep Nets", ICLR 2015): a learned regressor {@code r}
 * maps the student's guided layer {@code v_g} to the shape of the teacher's hint layer {@code u_h}, and the student
 * and the regressor together minimise
 *
 * <pre>
 *   paper:  L = 1/B sum_b 1/2 sum_elements (u_h - r(v_g))^2        (the official HintCost)
 *   code:   L = mean over batch and elements of (u_h - r(v_g))^2   (RepDistiller, weight 100 beside cross-entropy)
 * </pre>
 *
 * The regressor ({@link Regressor}) is the paper's linear convolution without padding, its weights parameters of the
 * loss: the kernel trains them with the student's optimizer and drops them when the stage ends. Used alone in a
 * descriptor stage with {@code train: taps}, this is FitNets' stage 1; stage 2 is a separate KD stage.
 */
public final class FitnetsHintDistiller implements Distiller {

    private final FitnetsHintParams params;

    @Inject
    public FitnetsHintDistiller(FitnetsHintParams params) {
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
        TensorShape student = TensorShape.ofBatchShape(graph.studentShape(params.student()));
        TensorShape teacher = TensorShape.ofBatchShape(graph.teacherShape(params.teacher()));
        // Model-file teachers skip shapeProblems, so the same rules are enforced here.
        HintShapes.problem(params, student, teacher).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        SDVariable regressed = Regressor.apply(graph, graph.student(params.student()), student, teacher,
                params.regressor());
        SDVariable difference = graph.teacher(params.teacher()).sub(regressed);
        SDVariable squared = difference.mul(difference);
        if (params.reduction() == HintReduction.CODE) {
            return squared.mean();
        }
        int[] elements = teacher.flat() ? new int[] {1} : new int[] {1, 2, 3};
        return squared.sum(elements).mean().mul(0.5);
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        TensorShape guided = student.get(params.student());
        TensorShape hint = teacher.get(params.teacher());
        if (guided == null || hint == null) {
            // The kernel reports a tap that is not a vertex of its network.
            return List.of();
        }
        return HintShapes.problem(params, guided, hint).stream().toList();
    }
}
