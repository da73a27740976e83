package org.distill4j.plugin.attentiontransfer;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradients;
import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Objects;
import java.util.Set;

/**
 * Gradient-based attention transfer (Zagoruyko and Komodakis 2017, docs/methods.md §4(a')): the student's input
 * gradient should match the teacher's,
 *
 * <pre>
 *   J_b = dCE(x_b, y_b)/dx_b                           per sample, C x H x W (the kernel's input.gradient)
 *   L   = (beta/2) mean_b |J_S,b - J_T,b|_2              (distance paper; squared: |.|_2^2)
 * </pre>
 *
 * the transfer term only: list it with {@code cross-entropy}. The teacher must have no BatchNorm and no dropout (the
 * kernel refuses others). Each step costs three extra student passes (one for J, two for the finite-difference
 * Hessian-vector product) and one teacher back-propagation.
 */
public final class GradientAttentionTransferDistiller implements Distiller {

    private final GradientAttentionTransferParams params;

    @Inject
    public GradientAttentionTransferDistiller(GradientAttentionTransferParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(InputGradients.INPUT_GRADIENT);
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of(InputGradients.INPUT_GRADIENT);
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SDVariable distance = GradientDistances.mean(graph.sameDiff(), graph.student(InputGradients.INPUT_GRADIENT),
                graph.teacher(InputGradients.INPUT_GRADIENT), graph.studentShape(InputGradients.INPUT_GRADIENT),
                params.distance());
        graph.reportTerm("distance", distance);
        return distance.mul(params.beta() / 2);
    }
}
