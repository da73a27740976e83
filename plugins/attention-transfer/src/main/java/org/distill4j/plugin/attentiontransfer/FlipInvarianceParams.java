package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code flip-invariance}. As for gradient attention transfer, the paper's beta is not known here; 1 is
 * a documented starting point.
 */
public record FlipInvarianceParams(
        @Parameter(description = "weight beta of the term (beta/2) mean_b |J(flip x)_b - flip(J(x))_b|; the paper's"
                + " value is not known here, 1 is a starting point", defaultValue = "1")
        @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "paper: the L2 norm of the difference (the paper's formula); squared: its square",
                defaultValue = "paper") GradientDistance distance) {
}
