package org.distill4j.plugin.fitnets;

/**
 * How the squared differences between the teacher's hint and the regressed student features are reduced. The two
 * differ by the factor {@code 2 / (C H W)}, so the same weight means very different strengths.
 */
public enum HintReduction {
    /**
     * Per sample, half the sum over every element of {@code (u_h - r(v_g))^2}, then the mean over the batch: the
     * official code's {@code HintCost} (the paper's L_HT), for the two-stage training where the hint loss is alone.
     */
    PAPER,
    /**
     * The mean over the batch and every element of {@code (u_h - r(v_g))^2}: RepDistiller's {@code HintLoss}
     * ({@code nn.MSELoss}), meant to be added to cross-entropy with weight 100.
     */
    CODE
}
