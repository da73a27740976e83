package org.distill4j.plugin.neuronselectivity;

/**
 * The factor in front of the squared MMD. The paper and its code differ by 1/2, so the same beta means different
 * strengths.
 */
public enum NeuronSelectivityMode {
    /**
     * {@code beta * MMD^2}: TuSimple/neuron-selectivity-transfer {@code symbol/transfer.py} {@code mmd_poly}
     * ({@code MakeLoss(..., grad_scale=weight)}, averaged over the batch by MXNet's {@code rescale_grad = 1/B}) and
     * RepDistiller's {@code NSTLoss} times {@code -b}.
     */
    CODE,
    /** {@code beta/2 * MMD^2}: the paper's objective {@code H(y, p_S) + lambda/2 L_MMD^2}. */
    PAPER
}
