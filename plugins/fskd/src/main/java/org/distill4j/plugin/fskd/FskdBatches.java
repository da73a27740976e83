package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/** Splits the few samples into fixed, unshuffled mini-batches (the same images in the same order for every pass). */
final class FskdBatches {

    private FskdBatches() {
    }

    /** {@code [n, ...]} as consecutive views of at most {@code size} rows. */
    static List<INDArray> split(INDArray features, int size) {
        List<INDArray> batches = new ArrayList<>();
        long count = features.size(0);
        for (long start = 0; start < count; start += size) {
            long end = Math.min(count, start + size);
            batches.add(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all()));
        }
        return List.copyOf(batches);
    }

    /** The labels of the same mini-batches. */
    static List<int[]> splitLabels(int[] labels, int size) {
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < labels.length; start += size) {
            batches.add(java.util.Arrays.copyOfRange(labels, start, Math.min(labels.length, start + size)));
        }
        return List.copyOf(batches);
    }
}
