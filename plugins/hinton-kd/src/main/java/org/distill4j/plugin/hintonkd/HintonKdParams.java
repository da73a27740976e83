package org.distill4j.plugin.hintonkd;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code hinton-kd}. Defaults are the CIFAR-scale ones of the AT and RepDistiller code
 * (T=4, alpha=0.9); Hinton et al. used T=20 for the MNIST MLP.
 */
public record HintonKdParams(
        @Parameter(description = "softmax temperature T of the soft targets and the student's soft term",
                defaultValue = "4") @Range(min = 0, minExclusive = true) double temperature,
        @Parameter(description = "weight of the soft term; the hard-label cross-entropy gets 1 - alpha",
                defaultValue = "0.9") @Range(min = 0, max = 1) double alpha,
        @Parameter(description = "multiply the soft term by T^2 so its gradient keeps its size as T changes",
                defaultValue = "true") boolean temperatureSquared) {
}
