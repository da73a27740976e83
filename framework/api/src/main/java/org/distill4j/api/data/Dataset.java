package org.distill4j.api.data;

import org.distill4j.api.network.InputShape;

import java.util.List;
import java.util.Objects;

/**
 * A loaded dataset with its three splits. The validation split is held out of the training data; model selection
 * uses it, never the test split.
 *
 * @param name        the dataset and variant, e.g. {@code fashion-mnist (embedded subset)}
 * @param shape       the shape of one image
 * @param classNames  one name per class, in label order
 * @param train       training images
 * @param validation  held-out training images for model selection (may be empty)
 * @param test        test images
 * @param files       the files read, with their SHA-256, for provenance
 */
public record Dataset(String name, InputShape shape, List<String> classNames, DataSplit train, DataSplit validation,
        DataSplit test, List<DataFile> files) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        files = List.copyOf(files);
    }

    public int classes() {
        return classNames.size();
    }
}
