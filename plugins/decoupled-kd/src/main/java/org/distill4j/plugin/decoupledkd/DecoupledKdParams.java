package org.distill4j.plugin.decoupledkd;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code dkd}. Every default is the official code's {@code CFG.DKD} (megvii-research/mdistiller,
 * {@code mdistiller/engine/cfg.py}): CE_WEIGHT 1.0, ALPHA 1.0, BETA 8.0, T 4.0, WARMUP 20. Its CIFAR-100 configurations
 * ({@code configs/cifar100/dkd/*.yaml}) change only beta per teacher-student pair (2 for res56_res20 and
 * res110_res32, 6 for the VGG-13 and WRN-40-2 to WRN-16-2/40-1 pairs); the ImageNet ones use T 1, warm-up 1 and
 * beta 0.5 or 2.
 */
public record DecoupledKdParams(
        @Parameter(description = "weight of the hard-label cross-entropy (mdistiller CE_WEIGHT); 0 leaves the pure"
                + " distillation term, to combine with another task loss", defaultValue = "1")
        @Range(min = 0) double ceWeight,
        @Parameter(description = "weight alpha of TCKD, the KL divergence of the binary target/non-target"
                + " probabilities (mdistiller ALPHA)", defaultValue = "1")
        @Range(min = 0) double alpha,
        @Parameter(description = "weight beta of NCKD, the KL divergence among the non-target classes (mdistiller"
                + " BETA; its CIFAR-100 configurations use 2 to 8 by teacher-student pair)", defaultValue = "8")
        @Range(min = 0) double beta,
        @Parameter(description = "softmax temperature T of both terms, which are multiplied by T^2 (mdistiller T)",
                defaultValue = "4")
        @Range(min = 0, minExclusive = true) double temperature,
        @Parameter(description = "epochs of the linear warm-up: the distillation terms are weighted by"
                + " min(epoch / warmup, 1), epochs counted from 1; 1 switches the warm-up off (mdistiller WARMUP)",
                defaultValue = "20")
        @Range(min = 1) int warmup) {

    public DecoupledKdParams {
        requireWeight("ce-weight", ceWeight);
        requireWeight("alpha", alpha);
        requireWeight("beta", beta);
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature
                    + "; mdistiller uses 4 on CIFAR-100 and 1 on ImageNet");
        }
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup counts epochs and must be >= 1, got " + warmup
                    + "; 1 gives the distillation terms their full weight from the first epoch");
        }
        if (ceWeight == 0 && alpha == 0 && beta == 0) {
            throw new IllegalArgumentException("ce-weight, alpha and beta are all 0, so the loss would be constant;"
                    + " give at least one of them a positive weight (the defaults are 1, 1 and 8)");
        }
    }

    /** The official defaults ({@code CFG.DKD} of mdistiller). */
    public static DecoupledKdParams defaults() {
        return new DecoupledKdParams(1.0, 1.0, 8.0, 4.0, 20);
    }

    private static void requireWeight(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
