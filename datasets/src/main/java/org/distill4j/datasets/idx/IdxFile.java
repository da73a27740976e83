package org.distill4j.datasets.idx;

/** The four files of an MNIST-style IDX dataset, by their standard names (without {@code .gz}). */
public enum IdxFile {
    TRAIN_IMAGES("train-images-idx3-ubyte"),
    TRAIN_LABELS("train-labels-idx1-ubyte"),
    TEST_IMAGES("t10k-images-idx3-ubyte"),
    TEST_LABELS("t10k-labels-idx1-ubyte");

    private final String standardName;

    IdxFile(String standardName) {
        this.standardName = standardName;
    }

    /** The name of the uncompressed file; the gzipped one adds {@code .gz}. */
    public String standardName() {
        return standardName;
    }

    public String gzippedName() {
        return standardName + ".gz";
    }
}
