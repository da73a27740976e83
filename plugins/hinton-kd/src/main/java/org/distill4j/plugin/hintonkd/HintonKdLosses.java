package org.distill4j.plugin.hintonkd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Loss pieces shared by the plugin's distillers. */
final class HintonKdLosses {

    /**
     * Mean over the batch of {@code -sum_i y_i log softmax(z)_i}. Uses log-softmax on the last axis: the variant
     * with an explicit dimension breaks SameDiff's gradient creation in DL4J 1.0.0-M2.1 (design.md §3).
     */
    static SDVariable crossEntropy(SameDiff sameDiff, SDVariable logits, SDVariable oneHotLabels) {
        SDVariable logProbabilities = sameDiff.nn().logSoftmax(logits);
        return oneHotLabels.mul(logProbabilities).sum(1).mean().neg();
    }

    private HintonKdLosses() {
    }
}
