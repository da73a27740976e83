package org.distill4j.kernel.engine;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Train-time augmentation, applied once per batch; teacher and student see the same augmented images. All off by
 * default.
 *
 * @param jitter         random translation by up to this many pixels in each direction, filling with black. This is
 *                       also what "zero-pad by k, then crop a random window of the original size" of the CIFAR
 *                       recipes does, so there is no separate pad-crop option
 * @param horizontalFlip mirror each image left-right with probability 1/2
 */
public record Augmentation(
        @Parameter(description = "random shift of up to this many pixels in each direction, filled with black; "
                + "the same as pad-by-k-then-random-crop (0 = off)", defaultValue = "0")
        @Range(min = 0) int jitter,
        @Parameter(description = "flip each image left-right with probability 1/2", defaultValue = "false")
        boolean horizontalFlip) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false);

    public Augmentation {
        if (jitter < 0) {
            throw new IllegalArgumentException("jitter is a pixel count and must be >= 0, got " + jitter);
        }
    }

    public boolean isNone() {
        return jitter == 0 && !horizontalFlip;
    }
}
