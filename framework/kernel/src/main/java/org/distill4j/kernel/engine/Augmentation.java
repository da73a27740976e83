package org.distill4j.kernel.engine;

/**
 * Train-time augmentation, applied once per batch; teacher and student see the same augmented images.
 *
 * @param jitter         random translation by up to this many pixels in each direction, filling with black
 *                       (the same as "pad by k, random crop" of the CIFAR recipes)
 * @param horizontalFlip mirror each image left-right with probability 1/2
 */
public record Augmentation(int jitter, boolean horizontalFlip) {

    public static final Augmentation NONE = new Augmentation(0, false);

    public Augmentation {
        if (jitter < 0) {
            throw new IllegalArgumentException("jitter must be >= 0 pixels, got " + jitter);
        }
    }

    public boolean isNone() {
        return jitter == 0 && !horizontalFlip;
    }
}
