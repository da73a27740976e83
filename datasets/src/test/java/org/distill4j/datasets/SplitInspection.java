package org.distill4j.datasets;

import org.distill4j.api.data.DataSplit;

import java.util.ArrayList;
import java.util.List;

/** Reads back which tiny-file images a split holds and how many of each class. */
public final class SplitInspection {

    private SplitInspection() {
    }

    /** The file index of each image, in split order (features must be in [0, 1]). */
    public static List<Integer> imageIndices(DataSplit split) {
        List<Integer> indices = new ArrayList<>();
        for (int image = 0; image < split.size(); image++) {
            float first = split.features().getFloat(image, 0, 0, 0);
            float second = split.features().getFloat(image, 0, 0, 1);
            indices.add(TinyIdxFiles.indexOf(first, second));
        }
        return List.copyOf(indices);
    }

    public static int[] classCounts(DataSplit split, int classes) {
        int[] counts = new int[classes];
        for (int label : split.labels()) {
            counts[label]++;
        }
        return counts;
    }
}
