package org.distill4j.models.nin;

import org.distill4j.api.Parameter;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.Range;
import org.distill4j.api.network.ActivationFunction;
import org.distill4j.models.ParameterChecks;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the {@code nin} family: the width of each of the three mlpconv blocks, the non-linearity and the
 * pooling between blocks. The attention-transfer paper's NIN-thin (0.2M parameters) and NIN-wide (1M) differ only in
 * width; their exact widths are not published.
 */
public record NinParams(
        @Parameter(description = "the width of each of the three mlpconv blocks (all three convolutions of a block)",
                defaultValue = "[192, 192, 192]") @Range(min = 1) List<Integer> widths,
        @Parameter(description = "the non-linearity after every convolution: relu (the paper's), elu, softplus or tanh",
                defaultValue = "relu") ActivationFunction activation,
        @Parameter(description = "the 2x2 pooling after the first two blocks: max (the paper's) or avg",
                defaultValue = "max") NinPool pool,
        @Parameter(description = "how the parameters start (no official code: PyTorch defaults, torch-default)",
                defaultValue = "torch-default") Initialisation initialisation) {

    /** Blocks of a CIFAR NIN. */
    public static final int BLOCKS = 3;

    public NinParams {
        Objects.requireNonNull(initialisation, "initialisation");
        widths = ParameterChecks.widths("widths", widths);
        if (widths.size() != BLOCKS) {
            throw new IllegalArgumentException("widths must give one width per block, " + BLOCKS + " in all (e.g. "
                    + "[64, 64, 64]), got " + widths.size() + ": " + widths);
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(pool, "pool");
    }

    /** The given architecture, initialised as the official code does. */
    public NinParams(List<Integer> widths, ActivationFunction activation, NinPool pool) {
        this(widths, activation, pool, Initialisation.TORCH_DEFAULT);
    }
}
