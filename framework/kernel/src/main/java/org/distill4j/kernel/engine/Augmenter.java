package org.distill4j.kernel.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Applies an {@link Augmentation} to a batch, with its own random stream so a seed reproduces every image.
 * Pixels shifted in are filled with the per-channel minimum of the training split, which is black (raw 0) in
 * normalised form for the image datasets here, as zero padding before normalisation is in the CIFAR recipes.
 */
public final class Augmenter {

    private final Augmentation augmentation;
    private final float[] fill;
    private final Random random;

    public Augmenter(Augmentation augmentation, INDArray trainingFeatures, long seed) {
        this(augmentation, trainingFeatures, new Random(seed));
    }

    /** An augmenter drawing from the given generator (a resumed training's, in the state it was left in). */
    public Augmenter(Augmentation augmentation, INDArray trainingFeatures, Random random) {
        this.augmentation = augmentation;
        this.random = random;
        long channels = trainingFeatures.size(1);
        this.fill = new float[(int) channels];
        for (int channel = 0; channel < channels; channel++) {
            fill[channel] = trainingFeatures.slice(channel, 1).minNumber().floatValue();
        }
    }

    public INDArray apply(INDArray batch) {
        if (augmentation.isNone()) {
            return batch;
        }
        int count = (int) batch.size(0);
        int channels = (int) batch.size(1);
        int height = (int) batch.size(2);
        int width = (int) batch.size(3);
        float[] source = batch.castTo(DataType.FLOAT).ravel().toFloatVector();
        float[] target = new float[source.length];
        int plane = height * width;
        int jitter = augmentation.jitter();
        for (int image = 0; image < count; image++) {
            int shiftRows = jitter == 0 ? 0 : random.nextInt(2 * jitter + 1) - jitter;
            int shiftColumns = jitter == 0 ? 0 : random.nextInt(2 * jitter + 1) - jitter;
            boolean flip = augmentation.horizontalFlip() && random.nextBoolean();
            for (int channel = 0; channel < channels; channel++) {
                int offset = (image * channels + channel) * plane;
                for (int row = 0; row < height; row++) {
                    int sourceRow = row - shiftRows;
                    for (int column = 0; column < width; column++) {
                        int shifted = column - shiftColumns;
                        int sourceColumn = flip ? width - 1 - shifted : shifted;
                        boolean inside = sourceRow >= 0 && sourceRow < height && shifted >= 0 && shifted < width;
                        target[offset + row * width + column] = inside
                                ? source[offset + sourceRow * width + sourceColumn]
                                : fill[channel];
                    }
                }
            }
        }
        return Nd4j.create(target, batch.shape(), 'c');
    }
}
