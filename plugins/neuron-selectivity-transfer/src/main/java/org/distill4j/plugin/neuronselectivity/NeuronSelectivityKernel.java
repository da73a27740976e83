package org.distill4j.plugin.neuronselectivity;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The polynomial kernel {@code k(x, y) = (x . y + c)^d} between two sets of patterns, and the squared maximum mean
 * discrepancy it defines:
 *
 * <pre>
 *   MMD^2(S, T) = 1/C_T^2 sum_{i,i'} k(t_i, t_i') + 1/C_S^2 sum_{j,j'} k(s_j, s_j') - 2/(C_S C_T) sum_{i,j} k(s_j, t_i)
 * </pre>
 *
 * per sample, averaged over the batch.
 */
record NeuronSelectivityKernel(int degree, double constant) {

    /** {@code MMD^2} of {@code [B, C_s, N]} and {@code [B, C_t, N]} patterns, averaged over the batch. */
    SDVariable squaredDiscrepancy(SameDiff sameDiff, SDVariable student, SDVariable teacher) {
        return mean(sameDiff, teacher, teacher).add(mean(sameDiff, student, student))
                .sub(mean(sameDiff, student, teacher).mul(2));
    }

    /**
     * The mean of {@code k(a_i, b_j)} over the {@code C_a x C_b} pairs of every sample and over the batch: every sample
     * has as many pairs, so this is the batch mean of the per-sample means.
     */
    SDVariable mean(SameDiff sameDiff, SDVariable first, SDVariable second) {
        // [B, C_a, N] x [B, N, C_b]: every sample's dot products in one batched product.
        SDVariable products = sameDiff.mmul(first, second, false, true, false);
        SDVariable shifted = constant == 0 ? products : products.add(constant);
        SDVariable powered = shifted;
        for (int power = 2; power <= degree; power++) {
            powered = powered.mul(shifted);
        }
        return powered.mean();
    }
}
