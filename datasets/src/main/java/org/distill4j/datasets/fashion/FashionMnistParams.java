package org.distill4j.datasets.fashion;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.datasets.idx.IdxSource;
import org.distill4j.datasets.split.SplitParameters;
import org.distill4j.datasets.split.SplitSettings;

import java.util.Objects;

/**
 * Parameters of the {@code fashion-mnist} dataset. Subsets and the validation hold-out are class-stratified and drawn
 * from the run's seed by the rule in {@link org.distill4j.datasets.split.StratifiedSampler}.
 */
public record FashionMnistParams(
        @Parameter(description = "where the files come from: embedded (a 5,000/1,000-image subset inside the jar,"
                + " no set-up), debian (the full dataset from the Debian package, see scripts/setup) or directory",
                defaultValue = "embedded")
        IdxSource source,
        @Parameter(description = "with source directory: the directory holding the four IDX files (gzipped or"
                + " not, standard names)", defaultValue = Parameter.ABSENT, path = true)
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
        @Parameter(description = "standardise pixels with Fashion-MNIST's mean 0.2860 and deviation 0.3530;"
                + " false keeps them in [0, 1]", defaultValue = "true")
        boolean normalize) implements SplitParameters {

    public FashionMnistParams {
        Objects.requireNonNull(source, "source");
        if (source == IdxSource.DIRECTORY && (directory == null || directory.isBlank())) {
            throw new IllegalArgumentException("source 'directory' needs the 'directory' parameter: the directory"
                    + " holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz"
                    + " and t10k-labels-idx1-ubyte.gz");
        }
        if (source != IdxSource.DIRECTORY && directory != null) {
            throw new IllegalArgumentException("'directory' is only read with 'source: directory', but source is '"
                    + source.label() + "'; remove 'directory' or set 'source: directory'");
        }
        new SplitSettings(trainSize, validationFraction, testSize);
    }

    /** The defaults: the embedded subset, all of it, 10% validation, normalised. */
    public static FashionMnistParams defaults() {
        return new FashionMnistParams(IdxSource.EMBEDDED, null, 0, 0.1, 0, true);
    }
}
