package org.distill4j.datasets.cifar;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.datasets.split.SplitParameters;
import org.distill4j.datasets.split.SplitSettings;

/**
 * Parameters of the {@code cifar-10} dataset. Subsets and the validation hold-out follow
 * {@link org.distill4j.datasets.split.StratifiedSampler}'s rule.
 */
public record Cifar10Params(
        @Parameter(description = "the directory holding data_batch_1.bin .. data_batch_5.bin and test_batch.bin"
                + " (the unpacked cifar-10-batches-bin folder, or the folder holding it)", path = true)
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
        @Parameter(description = "standardise each channel with CIFAR-10's mean (0.4914, 0.4822, 0.4465) and"
                + " deviation (0.2470, 0.2435, 0.2616); false keeps pixels in [0, 1]", defaultValue = "true")
        boolean normalize) implements SplitParameters {

    public Cifar10Params {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("cifar-10 needs the 'directory' parameter: the directory holding"
                    + " data_batch_1.bin .. data_batch_5.bin and test_batch.bin");
        }
        new SplitSettings(trainSize, validationFraction, testSize);
    }
}
