package org.distill4j.plugin.decomposition;

import java.util.Map;

/**
 * What low-rank decomposition records in {@code compression.details}.
 *
 * @param rule   how the ranks were chosen ({@code rank-ratio 0.5} or {@code energy 0.9})
 * @param split  how each conv was factored
 * @param layers each chosen conv
 */
record LowRankDetails(String rule, String split, Map<String, Layer> layers) {

    /**
     * One chosen conv.
     *
     * @param weightsAfter the weights of both factors, or the conv's own when it was skipped
     */
    record Layer(int rank, int fullRank, double energyKept, long weightsBefore, long weightsAfter, boolean skipped) {
    }
}
