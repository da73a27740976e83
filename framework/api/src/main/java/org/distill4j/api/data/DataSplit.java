package org.distill4j.api.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Objects;

/**
 * Images and their class labels.
 *
 * @param features {@code [n, channels, height, width]}, float
 * @param labels   class index of each image, {@code 0 <= label < classes}
 */
public record DataSplit(INDArray features, int[] labels) {

    public DataSplit {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.rank() != 4) {
            throw new IllegalArgumentException("features must be [n, c, h, w], got shape "
                    + java.util.Arrays.toString(features.shape()));
        }
        if (features.size(0) != labels.length) {
            throw new IllegalArgumentException(features.size(0) + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The images and labels at the given indices, in that order (a copy). */
    public DataSplit select(int[] indices) {
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selectedLabels[i] = labels[indices[i]];
        }
        INDArray selected = indices.length == 0
                ? Nd4j.create(features.dataType(), 0, features.size(1), features.size(2), features.size(3))
                : features.get(NDArrayIndex.indices(toLongs(indices)), NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.all()).dup();
        return new DataSplit(selected, selectedLabels);
    }

    private static long[] toLongs(int[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return longs;
    }
}
