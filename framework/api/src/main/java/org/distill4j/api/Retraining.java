package org.distill4j.api;

/**
 * What one {@link CompressionContext#retrain} call achieved.
 *
 * @param epochs             the epochs trained
 * @param testAccuracy       top-1 accuracy on the test split after training, in [0, 1]
 * @param validationAccuracy top-1 accuracy on the validation split, or NaN when the run holds none out
 * @param seconds            the time the training took
 */
public record Retraining(int epochs, double testAccuracy, double validationAccuracy, double seconds) {
}
