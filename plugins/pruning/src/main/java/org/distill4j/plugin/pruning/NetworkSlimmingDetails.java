package org.distill4j.plugin.pruning;

import java.util.Map;

/**
 * What network slimming records in {@code compression.details}: the global threshold on |gamma| and, for each
 * pruned convolution, its channels and the channels kept.
 */
record NetworkSlimmingDetails(double threshold, Map<String, Layer> layers) {

    record Layer(int channels, int kept) {
    }
}
