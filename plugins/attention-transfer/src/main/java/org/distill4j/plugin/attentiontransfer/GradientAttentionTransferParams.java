package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code gradient-attention-transfer}. The paper does not give its beta in the text we have
 * (docs/methods.md §4(a'): [TBD-PDF]); the default 1 makes the term comparable to the cross-entropy for per-sample
 * input gradients of order 1, and is a starting point to tune, not the paper's value.
 */
public record GradientAttentionTransferParams(
        @Parameter(description = "weight beta of the term (beta/2) mean_b |J_S,b - J_T,b|; the paper's value is not"
                + " known here, 1 is a starting point", defaultValue = "1")
        @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "paper: the L2 norm of the difference (the paper's formula); squared: its square",
                defaultValue = "paper") GradientDistance distance) {
}
