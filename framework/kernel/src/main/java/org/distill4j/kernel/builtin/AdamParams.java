package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

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
                defaultValue = "0") @Range(min = 0) double weightDecay) {
}
