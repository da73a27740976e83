package org.distill4j.kernel.engine;

/** Which epoch's network a run reports. Never the best on the test split. */
public enum Selection {
    /** The network after the last epoch (RepDistiller reports this). */
    LAST,
    /** The epoch with the highest accuracy on the validation split held out of the training data. */
    BEST_VALIDATION
}
