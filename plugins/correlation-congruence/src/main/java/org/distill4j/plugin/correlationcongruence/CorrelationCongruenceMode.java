package org.distill4j.plugin.correlationcongruence;

/**
 * Which correlation congruence: the reference code's or the paper's. They are different losses, not two reductions of
 * one, so the same beta means different strengths (see the README).
 */
public enum CorrelationCongruenceMode {
    /**
     * RepDistiller {@code distiller_zoo/CC.py} (code its author received from the paper's authors):
     * {@code mean over b < B-1 of sum_d |e_s - e_t|[b, d] |e_s - e_t|[b+1, d]}, neighbouring samples of the batch.
     */
    CODE,
    /**
     * The paper's correlation matrices under a P-order Taylor expansion of the Gaussian RBF kernel of normalised
     * embeddings, compared by their mean squared difference (as AberHu/Knowledge-Distillation-Zoo
     * {@code kd_losses/cc.py} implements it).
     */
    PAPER
}
