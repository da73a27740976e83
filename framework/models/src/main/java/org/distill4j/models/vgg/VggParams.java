package org.distill4j.models.vgg;

import org.distill4j.api.Parameter;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.Range;
import org.distill4j.models.ParameterChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of the {@code vgg} family. Exactly one of {@code preset} and {@code layers} gives the convolutional
 * part; {@code width-multiplier} scales every convolution width (VGG-16/4 is {@code preset: vgg16} with
 * {@code width-multiplier: 0.25}). The reference pruning code (rethinking-network-pruning, network-slimming, PTD)
 * ends its VGGs without the last max-pool and averages the 2x2 map instead: write that as {@code layers} without the
 * trailing {@code M} and {@code final-pool: global-avg}.
 */
public record VggParams(
        @Parameter(description = "a standard configuration (vgg11, vgg13, vgg16, vgg19; CIFAR form with 5 max-pools); "
                + "give this or layers", defaultValue = Parameter.ABSENT) VggPreset preset,
        @Parameter(description = "a custom configuration: convolution widths and M for a 2x2 max-pool, e.g. "
                + "[\"16\", M, \"32\", M] (quote the widths: the list is of strings); give this or preset",
                defaultValue = Parameter.ABSENT) List<String> layers,
        @Parameter(description = "scales every convolution width: round(width * multiplier), half up, at least 1",
                defaultValue = "1") @Range(min = 0, minExclusive = true) double widthMultiplier,
        @Parameter(description = "a batch normalisation after every convolution (convolutions then have no bias)",
                defaultValue = "true") boolean batchNorm,
        @Parameter(description = "widths of the classifier's hidden ReLU layers before the logits",
                defaultValue = "[]") @Range(min = 1) List<Integer> hidden,
        @Parameter(description = "probability of dropping a classifier hidden unit during training",
                defaultValue = "0") @Range(min = 0, max = 1, maxExclusive = true) double dropout,
        @Parameter(description = "how the last feature map reaches the classifier: flatten or global-avg",
                defaultValue = "flatten") VggFinalPool finalPool,
        @Parameter(description = "how the parameters start (RepDistiller models/vgg.py: kaiming-normal-fan-out-dense-normal)",
                defaultValue = "kaiming-normal-fan-out-dense-normal") Initialisation initialisation) {

    public VggParams {
        Objects.requireNonNull(initialisation, "initialisation");
        if ((preset == null) == (layers == null)) {
            throw new IllegalArgumentException(preset == null
                    ? "vgg needs a configuration: give preset (vgg11, vgg13, vgg16, vgg19) or layers"
                            + " (e.g. [\"16\", M, \"32\", M])"
                    : "vgg takes preset or layers, not both: got preset " + preset + " and layers " + layers);
        }
        if (layers != null) {
            layers = List.copyOf(parse(layers).stream().map(VggParams::token).toList());
        }
        if (!(widthMultiplier > 0) || Double.isInfinite(widthMultiplier)) {
            throw new IllegalArgumentException("width-multiplier must be a positive number, got " + widthMultiplier);
        }
        hidden = ParameterChecks.widths("hidden", hidden);
        ParameterChecks.rate("dropout", dropout);
        Objects.requireNonNull(finalPool, "final-pool");
    }

    /** The given architecture, initialised as the official code does. */
    public VggParams(VggPreset preset, List<String> layers, double widthMultiplier, boolean batchNorm, List<Integer> hidden,
            double dropout, VggFinalPool finalPool) {
        this(preset, layers, widthMultiplier, batchNorm, hidden, dropout, finalPool, Initialisation.KAIMING_NORMAL_FAN_OUT_DENSE_NORMAL);
    }

    /** Parameters for a preset with the given multiplier and the defaults for everything else. */
    public static VggParams of(VggPreset preset, double widthMultiplier) {
        return new VggParams(preset, null, widthMultiplier, true, List.of(), 0, VggFinalPool.FLATTEN);
    }

    /** The configuration, from the preset or the custom list, before width scaling. */
    public List<VggLayer> configuration() {
        return parse(preset != null ? preset.layers() : layers);
    }

    /** A convolution width after scaling: {@code max(1, round(width * multiplier))}, halves rounding up. */
    public int scaled(int width) {
        return (int) Math.max(1, Math.round(width * widthMultiplier));
    }

    private static List<VggLayer> parse(List<String> entries) {
        List<VggLayer> parsed = new ArrayList<>(entries.size());
        for (int position = 0; position < entries.size(); position++) {
            parsed.add(VggLayer.parse(entries.get(position), position));
        }
        if (parsed.stream().noneMatch(VggLayer.Convolution.class::isInstance)) {
            throw new IllegalArgumentException("layers " + entries + " has no convolution; give at least one width");
        }
        return List.copyOf(parsed);
    }

    private static String token(VggLayer layer) {
        return layer instanceof VggLayer.Convolution convolution
                ? Integer.toString(convolution.width()) : VggLayer.POOL_TOKEN;
    }
}
