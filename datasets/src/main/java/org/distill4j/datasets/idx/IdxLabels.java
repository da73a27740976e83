package org.distill4j.datasets.idx;

import java.util.Objects;

/** The decoded content of an IDX label file ({@code idx1-ubyte}): one unsigned byte per image. Immutable. */
public final class IdxLabels {

    private final String location;
    private final int[] labels;

    IdxLabels(String location, int[] labels) {
        this.location = Objects.requireNonNull(location, "location");
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    public String location() {
        return location;
    }

    public int count() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    int[] labelArray() {
        return labels;
    }

    public long byteSize() {
        return 4L * labels.length;
    }
}
