package org.distill4j.datasets.synthetic;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.datasets.split.SplitSettings;

/**
 * Parameters of the {@code synthetic} dataset. The images depend only on these parameters ({@code data-seed}
 * included); the validation hold-out is drawn from the run's seed like every other dataset's.
 */
public record SyntheticParams(
        @Parameter(description = "number of classes", defaultValue = "10")
        @Range(min = 2, max = 1000)
        int classes,
        @Parameter(description = "training images generated (before the validation hold-out)", defaultValue = "512")
        @Range(min = 1, max = 1000000)
        int trainSize,
        @Parameter(description = "test images generated", defaultValue = "256")
        @Range(min = 1, max = 1000000)
        int testSize,
        @Parameter(description = "image channels", defaultValue = "1")
        @Range(min = 1, max = 64)
        int channels,
        @Parameter(description = "image height in pixels", defaultValue = "28")
        @Range(min = 1, max = 1024)
        int height,
        @Parameter(description = "image width in pixels", defaultValue = "28")
        @Range(min = 1, max = 1024)
        int width,
        @Parameter(description = "seed of the class templates and the noise (not of the splits, which follow the"
                + " run's seed)", defaultValue = "0")
        long dataSeed,
        @Parameter(description = "share of the training images held out for validation (stratified)",
                defaultValue = "0.1")
        @Range(min = 0, max = 0.5)
        double validationFraction) {

    public SyntheticParams {
        requireAtLeast("classes", classes, 2);
        requireAtLeast("train-size", trainSize, 1);
        requireAtLeast("test-size", testSize, 1);
        requireAtLeast("channels", channels, 1);
        requireAtLeast("height", height, 1);
        requireAtLeast("width", width, 1);
        new SplitSettings(0, validationFraction, 0);
        long pixels = ((long) trainSize + testSize) * channels * height * width;
        if (pixels > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("train-size + test-size images of " + channels + "x" + height + "x"
                    + width + " are " + pixels + " pixels, more than one array holds (2^31); make fewer or smaller"
                    + " images");
        }
    }

    /** The defaults: 10 classes, 512 training and 256 test images of 1x28x28, data seed 0, 10% validation. */
    public static SyntheticParams defaults() {
        return new SyntheticParams(10, 512, 256, 1, 28, 28, 0, 0.1);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ", got " + value);
        }
    }
}
