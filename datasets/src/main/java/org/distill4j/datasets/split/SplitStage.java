package org.distill4j.datasets.split;

/**
 * The independent random draws of a load. Each has its own number so that, for one seed, changing the training
 * subset does not change which test images are drawn.
 */
public enum SplitStage {
    TRAIN_SUBSET(1),
    VALIDATION(2),
    TEST_SUBSET(3);

    private final int number;

    SplitStage(int number) {
        this.number = number;
    }

    /** Part of the published split rule (see {@link StratifiedSampler}): never renumber. */
    public int number() {
        return number;
    }
}
