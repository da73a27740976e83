package org.distill4j.plugin.decoupledkd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The linear warm-up of DKD's distillation terms, {@code min(epoch / warmup, 1)} with epochs counted from 1, as
 * mdistiller's {@code DKD.forward_train} computes it from the trainer's epoch ({@code mdistiller/engine/trainer.py}
 * starts at 1). The two terms are large at the start, when the student's predictions are far from the teacher's;
 * the warm-up keeps them from swamping the cross-entropy in the first epochs.
 */
final class DecoupledKdWarmup {

    /**
     * @param epoch  the graph's epoch scalar ({@link org.distill4j.api.LossGraph#epoch()}), counted from 1
     * @param warmup the number of warm-up epochs, >= 1
     * @return the weight, {@code epoch / warmup} up to epoch {@code warmup} and 1 from then on
     */
    static SDVariable weight(SameDiff sameDiff, SDVariable epoch, int warmup) {
        return sameDiff.math().clipByValue(epoch.div(warmup), 0, 1);
    }

    private DecoupledKdWarmup() {
    }
}
