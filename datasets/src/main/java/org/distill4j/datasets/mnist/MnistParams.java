package org.distill4j.datasets.mnist;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.datasets.idx.IdxSource;
import org.distill4j.datasets.split.SplitParameters;
import org.distill4j.datasets.split.SplitSettings;

import java.util.Objects;

/**
 * Parameters of the {@code mnist} dataset. MNIST has no embedded subset and no Debian package here, so the files
 * always come from a directory; {@code source} exists so that MNIST and Fashion-MNIST descriptors read alike.
 * Subsets and the validation hold-out follow {@link org.distill4j.datasets.split.StratifiedSampler}'s rule.
 */
public record MnistParams(
        @Parameter(description = "where the files come from; only 'directory' is available for mnist",
                defaultValue = "directory")
        IdxSource source,
        @Parameter(description = "the directory holding the four MNIST IDX files (gzipped or not, standard names)",
                path = true)
        String directory,
        @Parameter(description = "training images drawn (stratified) before the validation hold-out; 0 = all",
                defaultValue = "0", subset = true)
        @Range(min = 0)
        int trainSize,
        @Parameter(description = "share of the drawn training images held out for validation (stratified)",
                defaultValue = "0.1", subset = true)
        @Range(min = 0, max = 0.5)
        double validationFraction,
        @Parameter(description = "test images drawn (stratified); 0 = all", defaultValue = "0", subset = true)
        @Range(min = 0)
        int testSize,
        @Parameter(description = "standardise pixels with MNIST's mean 0.1307 and deviation 0.3081;"
                + " false keeps them in [0, 1]", defaultValue = "true")
        boolean normalize) implements SplitParameters {

    public MnistParams {
        Objects.requireNonNull(source, "source");
        if (source != IdxSource.DIRECTORY) {
            throw new IllegalArgumentException("source '" + source.label() + "' is not available for mnist (it has"
                    + " no embedded subset and no Debian package); use 'source: directory' with 'directory: <the"
                    + " directory holding the four MNIST IDX files>', or the fashion-mnist dataset");
        }
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("mnist needs the 'directory' parameter: the directory holding"
                    + " train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and"
                    + " t10k-labels-idx1-ubyte.gz");
        }
        new SplitSettings(trainSize, validationFraction, testSize);
    }
}
