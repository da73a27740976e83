package org.distill4j.models.embedding;

import org.distill4j.api.Parameter;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.Range;
import org.distill4j.models.ParameterChecks;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the {@code embedding-net} family: the width of each convolution stage, the convolutions per stage,
 * and the size of the embedding.
 */
public record EmbeddingNetParams(
        @Parameter(description = "the width of each stage; a 2x2 max pooling follows every stage but the last",
                defaultValue = "[32, 64, 128]") @Range(min = 1) List<Integer> widths,
        @Parameter(description = "3x3 convolutions per stage, each followed by batch norm and ReLU",
                defaultValue = "2") @Range(min = 1) int convolutionsPerStage,
        @Parameter(description = "the size of the embedding vector", defaultValue = "64") @Range(min = 1)
        int embeddingSize,
        @Parameter(description = "how the parameters start (no official code: PyTorch defaults, torch-default)",
                defaultValue = "torch-default") Initialisation initialisation) {

    public EmbeddingNetParams {
        Objects.requireNonNull(initialisation, "initialisation");
        widths = ParameterChecks.widths("widths", widths);
        if (convolutionsPerStage < 1) {
            throw new IllegalArgumentException("convolutions-per-stage must be >= 1, got " + convolutionsPerStage);
        }
        if (embeddingSize < 1) {
            throw new IllegalArgumentException("embedding-size must be >= 1, got " + embeddingSize);
        }
    }

    /** The given architecture, initialised as the official code does. */
    public EmbeddingNetParams(List<Integer> widths, int convolutionsPerStage, int embeddingSize) {
        this(widths, convolutionsPerStage, embeddingSize, Initialisation.TORCH_DEFAULT);
    }
}
