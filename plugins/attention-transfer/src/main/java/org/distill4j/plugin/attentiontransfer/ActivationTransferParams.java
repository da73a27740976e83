package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.List;

/** Parameters of {@code activation-transfer} (F-ActT), the same shape as attention transfer's without the mapping. */
public record ActivationTransferParams(
        @Parameter(description = "student and teacher feature maps to match, with equal channel counts; spatial sizes"
                + " may differ by an integer factor (the larger map is average-pooled first)")
        List<AttentionTransferPair> pairs,
        @Parameter(description = "weight beta of the activation term (summed over pairs)", defaultValue = "1000")
        @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "reduction: code (beta * mean squared difference) or paper (beta/2 * L2 norm of the"
                + " difference / (B CHW))", defaultValue = "code") AttentionTransferMode mode) {

    public ActivationTransferParams {
        pairs = AttentionTransferPairs.check(pairs);
    }
}
