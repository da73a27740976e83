package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.api.WeightDecayScope;

import java.util.Objects;

/** Parameters of the {@code adam} optimizer (Kingma and Ba's defaults). */
public record AdamParams(
        @Parameter(description = "base learning rate (the schedule multiplies it)", defaultValue = "1e-3")
        @Range(min = 0, minExclusive = true) double learningRate,
        @Parameter(description = "decay of the first-moment estimate", defaultValue = "0.9")
        @Range(min = 0, max = 1, maxExclusive = true) double beta1,
        @Parameter(description = "decay of the second-moment estimate", defaultValue = "0.999")
        @Range(min = 0, max = 1, maxExclusive = true) double beta2,
        @Parameter(description = "added to the denominator for numerical stability", defaultValue = "1e-8")
        @Range(min = 0, minExclusive = true) double epsilon,
        @Parameter(description = "L2 weight decay added to the gradient (as torch.optim.Adam's weight_decay)",
                defaultValue = "0") @Range(min = 0) double weightDecay,
        @Parameter(description = "which parameters weight decay reaches: all (every trainable parameter, batch-norm gamma"
                + " and beta and biases included, as PyTorch's optimizer over model.parameters()), weights-and-biases"
                + " (not batch norm) or weights", defaultValue = "all") WeightDecayScope weightDecayScope) {

    public AdamParams {
        Objects.requireNonNull(weightDecayScope, "weight-decay-scope");
    }

    /** PyTorch's scope: every trainable parameter decays. */
    public AdamParams(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        this(learningRate, beta1, beta2, epsilon, weightDecay, WeightDecayScope.ALL);
    }
}
