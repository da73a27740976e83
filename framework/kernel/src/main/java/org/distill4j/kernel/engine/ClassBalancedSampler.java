package org.distill4j.kernel.engine;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * The {@code training.sampler} section: P x K batches for metric learning. Each batch holds {@code classesPerBatch}
 * classes drawn at random with {@code imagesPerClass} images of each, and is filled up to the batch size with random
 * images. Losses over pairs and rankings within a batch (triplet, ranking losses) need positives in every batch;
 * with plain random batches of many classes nearly every other sample is a negative.
 *
 * @param classesPerBatch P, the classes of each batch
 * @param imagesPerClass  K, the images of each of those classes
 */
public record ClassBalancedSampler(
        @Parameter(description = "P: how many classes each batch draws") @Range(min = 1) int classesPerBatch,
        @Parameter(description = "K: how many images of each drawn class a batch holds (the rest of the batch is"
                + " random images)") @Range(min = 1) int imagesPerClass) {

    public ClassBalancedSampler {
        if (classesPerBatch < 1 || imagesPerClass < 1) {
            throw new IllegalArgumentException("classes-per-batch and images-per-class must be >= 1, got "
                    + classesPerBatch + " and " + imagesPerClass);
        }
    }

    /** Throws when P x K images do not fit in a batch of {@code batchSize}. */
    public void requireFits(int batchSize) {
        if (pairedImages() > batchSize) {
            throw new IllegalArgumentException("the sampler fills " + classesPerBatch + " classes x " + imagesPerClass
                    + " images = " + pairedImages() + " per batch, more than the batch size " + batchSize
                    + "; raise batch-size or lower classes-per-batch or images-per-class");
        }
    }

    /** P x K, the part of each batch the sampler chooses by class. */
    public int pairedImages() {
        return classesPerBatch * imagesPerClass;
    }
}
