package org.distill4j.datasets.images;

import org.distill4j.api.data.DatasetInfo;

import java.util.Objects;

/**
 * What a dataset is, independent of where its files come from.
 *
 * @param name            the component name ({@code fashion-mnist})
 * @param info            image shape and class names
 * @param standardization the dataset's fixed per-channel mean and standard deviation (from its training images)
 */
public record DatasetFacts(String name, DatasetInfo info, PixelScaling standardization) {

    public DatasetFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(standardization, "standardization");
        if (standardization.channels() != info.shape().channels()) {
            throw new IllegalArgumentException(name + ": standardization has " + standardization.channels()
                    + " channels, images have " + info.shape().channels());
        }
    }

    /** The scaling a load uses: standardised, or plain [0, 1]. */
    public PixelScaling scaling(boolean normalize) {
        return normalize ? standardization : PixelScaling.unitInterval(info.shape().channels());
    }
}
