package org.distill4j.kernel.records;

import java.util.List;
import java.util.Map;

/**
 * The {@code compression} section of {@code metrics.json}: what the compressor did and the student's accuracy as it
 * left it.
 *
 * @param keptChannels       for each narrowed vertex, the original channels it keeps
 * @param details            the compressor's own facts (its plugin documents the keys)
 * @param validationAccuracy null without a validation split
 */
public record CompressionMetrics(String compressor, NetworkSize before, NetworkSize after,
        Map<String, List<Integer>> keptChannels, Record details, double testAccuracy,
        Double validationAccuracy) {
}
