package org.distill4j.plugin.attentiontransfer;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradientTap;
import org.distill4j.api.InputGradients;
import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;
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
 * with {@code flip} the left-right mirror (the width axis reversed) and {@code J} the per-sample input gradients:
 * the kernel's {@code input.gradient}, and {@link #FLIPPED_INPUT_GRADIENT}, the input-gradient tap this distiller
 * defines at the mirrored batch ({@link #inputGradientTaps()}). The regulariser only: list it with
 * {@code cross-entropy}. Each step costs six extra student passes (one for each J, two for each finite-difference
 * Hessian-vector product).
 */
public final class FlipInvarianceDistiller implements Distiller {

    /**
     * {@code J(flip(x))}: the student's input gradient at the left-right mirrored batch. The name is part of the
     * descriptors' contract (a {@code hint} may read it too); keep it.
     */
    public static final String FLIPPED_INPUT_GRADIENT = "flipped-input.gradient";

    /** The width axis of an NCHW batch. */
    private static final int WIDTH = AttentionTransferHorizontalFlip.WIDTH;

    private final FlipInvarianceParams params;

    @Inject
    public FlipInvarianceDistiller(FlipInvarianceParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(InputGradients.INPUT_GRADIENT, FLIPPED_INPUT_GRADIENT);
    }

    /** {@link #FLIPPED_INPUT_GRADIENT}, taken at the mirrored batch. */
    @Override
    public List<InputGradientTap> inputGradientTaps() {
        return List.of(new InputGradientTap(FLIPPED_INPUT_GRADIENT, AttentionTransferHorizontalFlip::of));
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of();
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        SDVariable mirrored = sameDiff.reverse(graph.student(InputGradients.INPUT_GRADIENT), WIDTH);
        SDVariable distance = GradientDistances.mean(sameDiff, graph.student(FLIPPED_INPUT_GRADIENT),
                mirrored, graph.studentShape(InputGradients.INPUT_GRADIENT), params.distance());
        graph.reportTerm("distance", distance);
        return distance.mul(params.beta() / 2);
    }
}
