package org.distill4j.datasets.fashion;

import org.distill4j.datasets.files.DataLocation;
import org.distill4j.datasets.files.ResourceLocation;
import org.distill4j.datasets.idx.IdxFile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Fashion-MNIST subset inside the datasets jar: for each class, the first {@value #TRAIN_IMAGES_PER_CLASS}
 * training images and the first {@value #TEST_IMAGES_PER_CLASS} test images of the official files, in file order
 * (5,000 training and 1,000 test images), stored as gzipped IDX files under {@value #RESOURCE_DIRECTORY}.
 * {@link org.distill4j.datasets.tools.EmbeddedSubsetGenerator} makes them; {@code datasets/README.md} lists their
 * SHA-256.
 */
public final class EmbeddedFashionMnist {

    public static final int TRAIN_IMAGES_PER_CLASS = 500;

    public static final int TEST_IMAGES_PER_CLASS = 100;

    public static final String RESOURCE_DIRECTORY = "org/distill4j/datasets/embedded/fashion-mnist";

    private static final String REMEDY = "the datasets jar is damaged or was built without its resources;"
            + " rebuild it (mvn install) or use 'source: debian' or 'source: directory'";

    /** The class-path locations of the four files. */
    public static Map<IdxFile, DataLocation> locations() {
        Map<IdxFile, DataLocation> locations = new EnumMap<>(IdxFile.class);
        for (IdxFile file : IdxFile.values()) {
            locations.put(file, new ResourceLocation(RESOURCE_DIRECTORY + "/" + file.gzippedName(), REMEDY));
        }
        return Collections.unmodifiableMap(locations);
    }

    private EmbeddedFashionMnist() {
    }
}
