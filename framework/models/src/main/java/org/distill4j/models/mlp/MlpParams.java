package org.distill4j.models.mlp;

import org.distill4j.api.Parameter;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.Range;
import org.distill4j.models.ParameterChecks;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the {@code mlp} family. Hinton et al.'s MNIST teacher is {@code hidden: [1200, 1200]} with
 * {@code dropout: 0.5} and {@code input-dropout: 0.2}; their student is {@code hidden: [800, 800]} without dropout.
 */
public record MlpParams(
        @Parameter(description = "widths of the hidden ReLU layers, input side first", defaultValue = "[1200, 1200]")
        @Range(min = 1) List<Integer> hidden,
        @Parameter(description = "probability of dropping a hidden unit during training", defaultValue = "0")
        @Range(min = 0, max = 1, maxExclusive = true) double dropout,
        @Parameter(description = "probability of dropping an input pixel during training", defaultValue = "0")
        @Range(min = 0, max = 1, maxExclusive = true) double inputDropout,
        @Parameter(description = "how the parameters start (no official code: PyTorch nn.Linear defaults, torch-default)",
                defaultValue = "torch-default") Initialisation initialisation) {

    public MlpParams {
        Objects.requireNonNull(initialisation, "initialisation");
        hidden = ParameterChecks.widths("hidden", hidden);
        ParameterChecks.rate("dropout", dropout);
        ParameterChecks.rate("input-dropout", inputDropout);
    }

    /** The given architecture, initialised as the official code does. */
    public MlpParams(List<Integer> hidden, double dropout, double inputDropout) {
        this(hidden, dropout, inputDropout, Initialisation.TORCH_DEFAULT);
    }
}
