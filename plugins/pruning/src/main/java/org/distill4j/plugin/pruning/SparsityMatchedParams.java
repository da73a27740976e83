package org.distill4j.plugin.pruning;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.api.network.Initialisation;

import java.util.Objects;

/**
 * Parameters of the {@code sparsity-matched} family. The widths themselves come from the source network (the pruned
 * teacher named by {@code student.source}); only the floor under them is chosen here.
 *
 * @param minimumWidth   the fewest channels (or units) a designed layer gets, however few weights the pruned layer kept
 * @param initialisation how the designed student starts: Park and No's code builds it as one of its CIFAR VGGs, whose
 *                       {@code _initialize_weights} draws {@code kaiming_normal_} (fan-in) weights with zero biases
 *                       (ososos888/prune-then-distill, {@code models/cifar_vgg.py}), hence
 *                       {@code he-normal-fan-in}
 */
public record SparsityMatchedParams(
        @Parameter(description = "the fewest channels or units a designed layer gets, however few non-zero weights"
                + " the source layer kept", defaultValue = "1") @Range(min = 1) int minimumWidth,
        @Parameter(description = "how the designed student's parameters start (Park and No's code: he-normal-fan-in)",
                defaultValue = "he-normal-fan-in") Initialisation initialisation) {

    public SparsityMatchedParams {
        if (minimumWidth < 1) {
            throw new IllegalArgumentException("minimum-width must be >= 1, got " + minimumWidth);
        }
        Objects.requireNonNull(initialisation, "initialisation");
    }

    /** The given floor with Park and No's initialisation. */
    public SparsityMatchedParams(int minimumWidth) {
        this(minimumWidth, Initialisation.HE_NORMAL_FAN_IN);
    }
}
