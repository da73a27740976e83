package org.distill4j.plugin.dist;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code dist}. The defaults are the official ImageNet recipe (hunto/DIST_KD, classification code
 * hunto/image_classification_sota at the submodule commit d9662f7): {@code configs/strategies/distill/resnet_dist.yaml}
 * sets {@code ori_loss_weight: 1}, {@code kd_loss_weight: 2} and {@code kd: dist}, which
 * {@code lib/models/losses/kd_loss.py} builds as {@code DIST(beta=1, gamma=1, tau=1)}; so the cross-entropy weighs 1
 * and each relation term 2 x 1. The CIFAR-100 recipe ({@code dist_cifar.yaml}) differs only in {@code kd: dist_t4},
 * temperature 4. The epsilon is {@code cosine_similarity}'s in {@code lib/models/losses/dist_kd.py}.
 */
public record DistParams(
        @Parameter(description = "weight of the hard-label cross-entropy (ori_loss_weight of the official configs); 0"
                + " leaves the pure relation terms, to combine with another task loss", defaultValue = "1")
        @Range(min = 0) double ceWeight,
        @Parameter(description = "weight beta of the inter-class relation term (kd_loss_weight 2 x DIST's beta 1 in"
                + " the official configs)", defaultValue = "2")
        @Range(min = 0) double beta,
        @Parameter(description = "weight gamma of the intra-class relation term (kd_loss_weight 2 x DIST's gamma 1 in"
                + " the official configs)", defaultValue = "2")
        @Range(min = 0) double gamma,
        @Parameter(description = "softmax temperature tau of both predictions; both terms are multiplied by tau^2"
                + " (1 in the ImageNet recipe, 4 in the CIFAR-100 one)", defaultValue = "1")
        @Range(min = 0, minExclusive = true) double temperature,
        @Parameter(description = "added to the product of the centred norms in each correlation: 1e-8 as in the"
                + " official cosine_similarity, 0 for the paper's exact Pearson correlation", defaultValue = "1e-8")
        @Range(min = 0) double epsilon) {

    public DistParams {
        requireWeight("ce-weight", ceWeight);
        requireWeight("beta", beta);
        requireWeight("gamma", gamma);
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature
                    + "; the official recipes use 1 (ImageNet) and 4 (CIFAR-100)");
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon
                    + "; 1e-8 is the official code's, 0 the paper's exact Pearson correlation");
        }
        if (ceWeight == 0 && beta == 0 && gamma == 0) {
            throw new IllegalArgumentException("ce-weight, beta and gamma are all 0, so the loss would be constant;"
                    + " give at least one of them a positive weight (the defaults are 1, 2 and 2)");
        }
    }

    /** The official ImageNet recipe's values. */
    public static DistParams defaults() {
        return new DistParams(1.0, 2.0, 2.0, 1.0, 1e-8);
    }

    private static void requireWeight(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
