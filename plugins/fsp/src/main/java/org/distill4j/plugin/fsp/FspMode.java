package org.distill4j.plugin.fsp;

/**
 * How the squared differences of the student's and teacher's FSP matrices are reduced. The two differ by the number
 * of matrix entries {@code C1 C2}, so the same weights mean different strengths.
 */
public enum FspMode {
    /**
     * Per pair, the mean over the batch and the {@code C1 x C2} matrix entries of {@code (G_t - G_s)^2}, times the
     * pair's weight; summed over pairs. With weights 1 this is RepDistiller's {@code FSP} loss (distiller_zoo/FSP.py).
     */
    CODE,
    /**
     * Per pair, the squared Frobenius norm {@code |G_t - G_s|_F^2} of each sample, averaged over the batch and times
     * the pair's weight lambda_i; summed over pairs: the paper's equation (2).
     */
    PAPER
}
