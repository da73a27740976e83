package org.distill4j.plugin.pruning;

import java.util.Map;

/**
 * What L1 filter pruning records in {@code compression.details}: for each pruned convolution, its ratio, filters
 * and the filters kept.
 */
record L1FilterDetails(Map<String, Layer> layers) {

    record Layer(double ratio, int filters, int kept) {
    }
}
