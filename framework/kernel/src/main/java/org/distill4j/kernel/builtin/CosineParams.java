package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/** Parameters of the {@code cosine} schedule. */
public record CosineParams(
        @Parameter(description = "the factor reached at the end, as a fraction of the base rate", defaultValue = "0")
        @Range(min = 0, max = 1) double minimumFactor) {
}
