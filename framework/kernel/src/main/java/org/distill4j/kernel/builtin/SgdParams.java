package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.api.WeightDecayScope;

import java.util.Objects;

/** Parameters of the {@code sgd} optimizer; the defaults are the CIFAR recipe of the KD papers' code. */
public record SgdParams(
        @Parameter(description = "base learning rate (the schedule multiplies it)", defaultValue = "0.1")
        @Range(min = 0, minExclusive = true) double learningRate,
        @Parameter(description = "momentum factor; 0 disables momentum", defaultValue = "0.9")
        @Range(min = 0, max = 1, maxExclusive = true) double momentum,
        @Parameter(description = "use Nesterov momentum (PyTorch form)", defaultValue = "false") boolean nesterov,
        @Parameter(description = "L2 weight decay added to the gradient of the parameters weight-decay-scope names"
                + " (as torch.optim.SGD's weight_decay)", defaultValue = "5e-4")
        @Range(min = 0) double weightDecay,
        @Parameter(description = "which parameters weight decay reaches: all (every trainable parameter, batch-norm gamma"
                + " and beta and biases included, as PyTorch's optimizer over model.parameters()), weights-and-biases"
                + " (not batch norm) or weights", defaultValue = "all") WeightDecayScope weightDecayScope) {

    public SgdParams {
        Objects.requireNonNull(weightDecayScope, "weight-decay-scope");
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov needs a momentum > 0");
        }
    }

    /** PyTorch's scope: every trainable parameter decays. */
    public SgdParams(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        this(learningRate, momentum, nesterov, weightDecay, WeightDecayScope.ALL);
    }
}
