package org.distill4j.plugin.pruning;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/** Parameters of {@code network-slimming}; the default is the reference code's for CIFAR-10 VGG. */
public record NetworkSlimmingParams(
        @Parameter(description = "the fraction of all batch-norm channels removed by one global |gamma| threshold,"
                + " in [0, 1) (0.7 for CIFAR-10 VGG-19, 0.5 for CIFAR-100, in the reference code)",
                defaultValue = "0.7") @Range(min = 0, max = 1, maxExclusive = true) double percent) {

    public NetworkSlimmingParams {
        PruningRatios.check(percent, "percent");
    }
}
