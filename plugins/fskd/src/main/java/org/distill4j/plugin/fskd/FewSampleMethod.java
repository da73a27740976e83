package org.distill4j.plugin.fskd;

/** The three SGD aligners: what they train and on which loss (docs/methods.md §8(c), Table A's rows). */
enum FewSampleMethod {

    /** All Q_j jointly by SGD on the sum of the block L2 losses; the other weights are frozen; no labels. */
    FSKD_SGD("fskd-sgd"),
    /** Every weight of the folded student by SGD on the same block L2 losses at the same taps; no Q, no labels. */
    FITNET("few-sample-fitnet"),
    /** Every weight of the folded student by SGD on softmax cross-entropy with the N images' labels. */
    FINE_TUNE("few-sample-fine-tune");

    private final String component;

    FewSampleMethod(String component) {
        this.component = component;
    }

    String component() {
        return component;
    }
}
