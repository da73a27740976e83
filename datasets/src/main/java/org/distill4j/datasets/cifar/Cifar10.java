package org.distill4j.datasets.cifar;

import org.distill4j.api.data.DatasetInfo;
import org.distill4j.api.network.InputShape;
import org.distill4j.datasets.images.DatasetFacts;
import org.distill4j.datasets.images.PixelScaling;

import java.util.List;

/** Facts about CIFAR-10 (Krizhevsky 2009). */
public final class Cifar10 {

    public static final String NAME = "cifar-10";

    public static final InputShape SHAPE = new InputShape(3, 32, 32);

    /** Label order of the official release (batches.meta.txt). */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /** Per-channel (red, green, blue) mean and standard deviation of the 50,000 training images in [0, 1]. */
    public static final DatasetFacts FACTS = new DatasetFacts(NAME, new DatasetInfo(SHAPE, CLASS_NAMES),
            new PixelScaling(List.of(0.4914, 0.4822, 0.4465), List.of(0.2470, 0.2435, 0.2616)));

    /** The training batches, in the order their images are concatenated. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");

    public static final String TEST_FILE = "test_batch.bin";

    /** The folder the official archive cifar-10-binary.tar.gz unpacks to. */
    public static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";

    static final String HOW_TO_GET_FILES = "Download the binary version of CIFAR-10 (cifar-10-binary.tar.gz from"
            + " www.cs.toronto.edu/~kriz/cifar.html), unpack it, and point 'directory' at its " + ARCHIVE_FOLDER
            + " folder (or the folder holding it).";

    static final String REMEDY = "unpack cifar-10-binary.tar.gz again or check the download";

    private Cifar10() {
    }
}
