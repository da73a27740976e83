package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.List;

/**
 * Parameters of {@code attention-transfer}. Defaults are the official code's: F_sum^p with p = 2, beta = 1000, the
 * mean reduction.
 */
public record AttentionTransferParams(
        @Parameter(description = "student and teacher feature maps to match, e.g. [{student: stage1.output,"
                + " teacher: stage1.output}]; spatial sizes may differ by an integer factor (the larger map is average"
                + "-pooled first)") List<AttentionTransferPair> pairs,
        @Parameter(description = "weight beta of the attention term (summed over pairs)", defaultValue = "1000")
        @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "attention mapping: sum (F_sum), sum-p (F_sum^p) or max-p (F_max^p)",
                defaultValue = "sum-p") AttentionMapping mapping,
        @Parameter(description = "exponent p of F_sum^p and F_max^p (ignored by sum)", defaultValue = "2")
        @Range(min = 1) double p,
        @Parameter(description = "reduction: code (beta * mean squared difference, the official code) or paper"
                + " (beta/2 * L2 norm of the difference / (B HW))", defaultValue = "code") AttentionTransferMode mode) {

    public AttentionTransferParams {
        pairs = AttentionTransferPairs.check(pairs);
    }
}
