package org.distill4j.plugin.attentiontransfer;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradients;
import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Objects;
import java.util.Set;

/**
 * The flip-invariance regulariser of Zagoruyko and Komodakis (2017, docs/methods.md §4(a')), with no teacher:
 * the input gradient at the mirrored image should be the mirrored input gradient,
 *
 * <pre>
 *   L = (beta/2) mean_b |J(flip x)_b - flip(J(x))_b|_2       (distance paper; squared: |.|_2^2)
 * </pre>
 *
 * with {@code flip} the left-right mirror (the width axis reversed) and {@code J} the kernel's per-sample input
 * gradients {@code input.gradient} and {@code flipped-input.gradient}. The regulariser only: list it with
 * {@code cross-entropy}. Each step costs six extra student passes (one for each J, two for each finite-difference
 * Hessian-vector product).
 */
public final class FlipInvarianceDistiller implements Distiller {

    /** The width axis of an NCHW batch. */
    private static final int WIDTH = 3;

    private final FlipInvarianceParams params;

    @Inject
    public FlipInvarianceDistiller(FlipInvarianceParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(InputGradients.INPUT_GRADIENT, InputGradients.FLIPPED_INPUT_GRADIENT);
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of();
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        SDVariable mirrored = sameDiff.reverse(graph.student(InputGradients.INPUT_GRADIENT), WIDTH);
        SDVariable distance = GradientDistances.mean(sameDiff, graph.student(InputGradients.FLIPPED_INPUT_GRADIENT),
                mirrored, graph.studentShape(InputGradients.INPUT_GRADIENT), params.distance());
        graph.reportTerm("distance", distance);
        return distance.mul(params.beta() / 2);
    }
}
