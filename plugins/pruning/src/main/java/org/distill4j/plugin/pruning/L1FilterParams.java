package org.distill4j.plugin.pruning;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.List;

/**
 * Parameters of {@code l1-filter}. VGG-16-pruned-A (Li et al.) is {@code ratio: 0.5, layers: [conv1, conv8, conv9,
 * conv10, conv11, conv12, conv13]}; ResNet-56-pruned-B gives each stage's first convolutions their own ratio through
 * {@code layer-ratios}.
 */
public record L1FilterParams(
        @Parameter(description = "the fraction of filters removed from each convolution in layers, in [0, 1)",
                defaultValue = "0.5") @Range(min = 0, max = 1, maxExclusive = true) double ratio,
        @Parameter(description = "the convolutions ratio applies to; every prunable convolution when empty (in a"
                + " ResNet the first convolution of each block and the stem's)", defaultValue = "[]")
        List<String> layers,
        @Parameter(description = "per-convolution ratios that override ratio: [{vertex: conv8, ratio: 0.6}]",
                defaultValue = "[]") List<LayerRatio> layerRatios) {

    public L1FilterParams {
        PruningRatios.check(ratio, "ratio");
        layers = layers == null ? List.of() : List.copyOf(layers);
        layerRatios = layerRatios == null ? List.of() : List.copyOf(layerRatios);
    }
}
