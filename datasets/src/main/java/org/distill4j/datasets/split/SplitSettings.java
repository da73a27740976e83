package org.distill4j.datasets.split;

/**
 * How many images each split gets.
 *
 * @param trainSize          images drawn from the training file(s) before the validation hold-out; 0 means all
 * @param validationFraction share of those images held out for validation, in [0, 0.5]
 * @param testSize           images drawn from the test file(s); 0 means all
 */
public record SplitSettings(int trainSize, double validationFraction, int testSize) {

    /** The largest validation share: more would leave less to train on than to select models with. */
    public static final double MAXIMUM_VALIDATION_FRACTION = 0.5;

    public SplitSettings {
        if (trainSize < 0) {
            throw new IllegalArgumentException("train-size must be >= 0 (0 means all training images), got "
                    + trainSize);
        }
        if (testSize < 0) {
            throw new IllegalArgumentException("test-size must be >= 0 (0 means all test images), got " + testSize);
        }
        if (!(validationFraction >= 0 && validationFraction <= MAXIMUM_VALIDATION_FRACTION)) {
            throw new IllegalArgumentException("validation-fraction must be in [0, " + MAXIMUM_VALIDATION_FRACTION
                    + "], got " + validationFraction);
        }
    }

    /** How many of {@code trainingImages} images are held out for validation (rounded half up). */
    public int validationCount(int trainingImages) {
        return (int) Math.round(trainingImages * validationFraction);
    }
}
