package org.distill4j.datasets.mnist;

import org.distill4j.api.data.DatasetInfo;
import org.distill4j.api.network.InputShape;
import org.distill4j.datasets.images.DatasetFacts;
import org.distill4j.datasets.images.PixelScaling;

import java.util.List;

/** Facts about MNIST (LeCun, Bottou, Bengio and Haffner 1998). */
public final class Mnist {

    public static final String NAME = "mnist";

    /**
     * Mean and standard deviation of the 60,000 official training images' pixels in [0, 1], as commonly rounded
     * (0.1307, 0.3081).
     */
    public static final DatasetFacts FACTS = new DatasetFacts(NAME,
            new DatasetInfo(new InputShape(1, 28, 28), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
            new PixelScaling(List.of(0.1307), List.of(0.3081)));

    static final String HOW_TO_GET_FILES = "Download the four files of the official MNIST release"
            + " (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,"
            + " t10k-labels-idx1-ubyte.gz) into that directory, or point 'directory' at the directory that has them.";

    static final String REMEDY = "download the official file again or check the download";

    private Mnist() {
    }
}
