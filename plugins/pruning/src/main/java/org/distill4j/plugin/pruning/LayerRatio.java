package org.distill4j.plugin.pruning;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/** The fraction of one convolution's filters to remove, overriding the compressor's common ratio. */
public record LayerRatio(
        @Parameter(description = "the convolution vertex, e.g. conv8") String vertex,
        @Parameter(description = "the fraction of its filters to remove, in [0, 1)")
        @Range(min = 0, max = 1, maxExclusive = true) double ratio) {

    public LayerRatio {
        if (vertex == null || vertex.isBlank()) {
            throw new IllegalArgumentException("a layer ratio needs the convolution's vertex name, e.g. {vertex: conv8,"
                    + " ratio: 0.5}");
        }
        PruningRatios.check(ratio, "ratio of " + vertex);
    }
}
