package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/** Parameters of the {@code sgd} optimizer; the defaults are the CIFAR recipe of the KD papers' code. */
public record SgdParams(
        @Parameter(description = "base learning rate (the schedule multiplies it)", defaultValue = "0.1")
        @Range(min = 0, minExclusive = true) double learningRate,
        @Parameter(description = "momentum factor; 0 disables momentum", defaultValue = "0.9")
        @Range(min = 0, max = 1, maxExclusive = true) double momentum,
        @Parameter(description = "use Nesterov momentum (PyTorch form)", defaultValue = "false") boolean nesterov,
        @Parameter(description = "L2 weight decay added to the gradient of weights and biases", defaultValue = "5e-4")
        @Range(min = 0) double weightDecay) {

    public SgdParams {
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov needs a momentum > 0");
        }
    }
}
