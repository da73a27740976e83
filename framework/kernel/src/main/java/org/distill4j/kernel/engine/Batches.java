package org.distill4j.kernel.engine;

import org.distill4j.api.data.DataSplit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Gathers mini-batches out of a split, by index, with a native row gather. */
public final class Batches {

    private final DataSplit split;
    private final INDArray rows;
    private final long[] imageShape;

    public Batches(DataSplit split) {
        this.split = split;
        INDArray features = split.features();
        this.imageShape = new long[] {features.size(1), features.size(2), features.size(3)};
        this.rows = features.reshape('c', features.size(0), imageShape[0] * imageShape[1] * imageShape[2]);
    }

    /** Images at the given positions of the split, {@code [n, c, h, w]}, a copy. */
    public INDArray features(int[] indices) {
        INDArray gathered = Nd4j.pullRows(rows, 1, indices);
        return gathered.reshape('c', indices.length, imageShape[0], imageShape[1], imageShape[2]);
    }

    public int[] labels(int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = split.labels()[indices[i]];
        }
        return labels;
    }

    public int size() {
        return split.size();
    }
}
