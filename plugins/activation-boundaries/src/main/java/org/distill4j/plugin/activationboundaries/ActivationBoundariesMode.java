package org.distill4j.plugin.activationboundaries;

/**
 * Whose connector initialisation to follow. The loss itself is the same in both references; only the starting
 * weights of the 1x1 convolution of the connector differ (its batch norm starts at gamma 1, beta 0 in both).
 */
public enum ActivationBoundariesMode {
    /**
     * The authors' code (bhheo/AB_distillation {@code models/distillation_module.py}, lines 22-36): a 1x1 convolution
     * without bias drawn from {@code N(0, 2 / C_t)} (He-normal over the fan-out {@code 1 * 1 * out_channels}).
     */
    CODE,
    /**
     * RepDistiller's ({@code models/util.py} {@code ConvReg}, line 143): a 1x1 convolution with PyTorch's default
     * initialisation {@code U(-1/sqrt(C_s), 1/sqrt(C_s))}, drawn here from the normal of the same variance,
     * {@code N(0, 1 / (3 C_s))}. Its bias is left out: the batch norm after it subtracts every channel's mean, which
     * cancels a per-channel bias exactly (its gradient is zero).
     */
    REPDISTILLER
}
