package org.distill4j.datasets.images;

import org.distill4j.api.network.InputShape;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labelled 8-bit images as decoded from a data file, before any split or scaling: image after image, each channel
 * after channel, each channel row by row (the layout of IDX files and CIFAR-10 records, and of NCHW tensors).
 *
 * <p>Immutable: the arrays are taken over, not copied, because pools of 47 MB are cached and shared between loads;
 * whoever creates a pool must not modify the arrays afterwards, and nothing here exposes them outside this package.
 */
public final class ImagePool {

    private final InputShape shape;
    private final byte[] pixels;
    private final int[] labels;

    private ImagePool(InputShape shape, byte[] pixels, int[] labels) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels of " + shape + " images need "
                    + (long) labels.length * shape.size() + " pixel bytes, got " + pixels.length);
        }
    }

    /** A pool owning the given arrays (see the class comment: they must not change afterwards). */
    public static ImagePool adopt(InputShape shape, byte[] pixels, int[] labels) {
        return new ImagePool(shape, pixels, labels);
    }

    /** The images of several pools, in order (CIFAR-10's five training batches). */
    public static ImagePool concatenate(List<ImagePool> pools) {
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        InputShape shape = pools.get(0).shape;
        long pixelCount = 0;
        int labelCount = 0;
        for (ImagePool pool : pools) {
            if (!pool.shape.equals(shape)) {
                throw new IllegalArgumentException("cannot concatenate " + shape + " and " + pool.shape + " images");
            }
            pixelCount += pool.pixels.length;
            labelCount += pool.labels.length;
        }
        if (pixelCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(labelCount + " images of " + shape + " do not fit one array");
        }
        byte[] pixels = new byte[(int) pixelCount];
        int[] labels = new int[labelCount];
        int pixelOffset = 0;
        int labelOffset = 0;
        for (ImagePool pool : pools) {
            System.arraycopy(pool.pixels, 0, pixels, pixelOffset, pool.pixels.length);
            System.arraycopy(pool.labels, 0, labels, labelOffset, pool.labels.length);
            pixelOffset += pool.pixels.length;
            labelOffset += pool.labels.length;
        }
        return new ImagePool(shape, pixels, labels);
    }

    public InputShape shape() {
        return shape;
    }

    public int size() {
        return labels.length;
    }

    public int label(int image) {
        return labels[image];
    }

    /** A copy of all labels, in pool order. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of one image's pixels, channel-planar. */
    public byte[] image(int image) {
        int length = (int) shape.size();
        return Arrays.copyOfRange(pixels, image * length, (image + 1) * length);
    }

    /** The shared pixel array, for tensor building in this package only. */
    byte[] pixelArray() {
        return pixels;
    }

    /** Approximate heap size, for the decoded-file cache. */
    public long byteSize() {
        return pixels.length + 4L * labels.length;
    }
}
