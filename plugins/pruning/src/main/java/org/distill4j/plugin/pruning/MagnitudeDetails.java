package org.distill4j.plugin.pruning;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What magnitude pruning records in {@code compression.details}.
 *
 * @param scope           {@code global} or {@code layer-wise}
 * @param fraction        the share of the remaining weights each round removes
 * @param initialSparsity the teacher's own share of zero weights (an earlier pruning run's)
 * @param sparsity        the share of masked weights at the end
 * @param layers          each masked layer at the end
 * @param history         each round
 */
record MagnitudeDetails(String scope, double fraction, double initialSparsity, double sparsity,
        Map<String, Layer> layers, List<Round> history) {

    /**
     * One masked layer.
     *
     * @param weights  its weights
     * @param nonzero  those kept
     * @param sparsity the share masked
     */
    record Layer(int weights, long nonzero, double sparsity) {
    }

    /**
     * One round: the sparsity it reached and, for a round the compressor retrained, what the retraining reached.
     *
     * @param validationAccuracy absent without a validation split
     */
    record Round(int round, double sparsity, Map<String, Layer> layers,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer retrainedEpochs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double testAccuracy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double validationAccuracy) {
    }
}
