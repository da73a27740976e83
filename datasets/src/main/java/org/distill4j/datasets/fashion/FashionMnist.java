package org.distill4j.datasets.fashion;

import org.distill4j.api.data.DatasetInfo;
import org.distill4j.api.network.InputShape;
import org.distill4j.datasets.images.DatasetFacts;
import org.distill4j.datasets.images.PixelScaling;

import java.nio.file.Path;
import java.util.List;

/** Facts about Fashion-MNIST (Xiao, Rasul and Vollgraf 2017) that hold wherever its files come from. */
public final class FashionMnist {

    public static final String NAME = "fashion-mnist";

    /** Label order of the official release. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * Mean and standard deviation of all 60,000 official training images' pixels in [0, 1] (0.28604, 0.35302),
     * rounded as torchvision's examples round them; the same constants for every subset, so normalised inputs mean
     * the same thing whichever source a run uses.
     */
    public static final DatasetFacts FACTS = new DatasetFacts(NAME,
            new DatasetInfo(new InputShape(1, 28, 28), CLASS_NAMES),
            new PixelScaling(List.of(0.2860), List.of(0.3530)));

    /** Where the Debian package {@code dataset-fashion-mnist} installs the four gzipped IDX files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** What users do when files are missing. */
    static final String HOW_TO_GET_FILES = "Run scripts/setup (it installs the Debian package dataset-fashion-mnist"
            + " into " + DEBIAN_DIRECTORY + "), or download the four files of the official release"
            + " (github.com/zalandoresearch/fashion-mnist) into a directory and use 'source: directory' with"
            + " 'directory: <that directory>'; 'source: embedded' needs no files at all.";

    static final String DEBIAN_REMEDY = "re-install with scripts/setup (as root: apt-get install --reinstall"
            + " dataset-fashion-mnist) or check the download";

    static final String DIRECTORY_REMEDY = "download the official file again or check the download";

    private FashionMnist() {
    }
}
