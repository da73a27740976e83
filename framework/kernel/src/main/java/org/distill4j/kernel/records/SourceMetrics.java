package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.Map;

/**
 * The {@code student-source} section of {@code metrics.json}, for a student a derived family designed: the source
 * run, the designed width of every convolution and dense layer, and the family's design details, whose components
 * are written beside them (none when the family records nothing).
 */
public record SourceMetrics(String experiment, String hash, long seed, Map<String, Integer> designed,
        @JsonUnwrapped Record details) {
}
