package org.distill4j.models.resnet;

import org.distill4j.api.Parameter;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.Range;
import org.distill4j.models.ParameterChecks;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the {@code resnet} family (CIFAR ResNets of He et al. 2016: resnet8, 14, 20, 32, 44, 56, 110).
 * RepDistiller's "x4" variants (resnet8x4) widen the stages: {@code widths: [64, 128, 256]}.
 */
public record ResnetParams(
        @Parameter(description = "depth 6n+2 (8, 14, 20, 32, 44, 56, 110): n basic blocks per stage")
        @Range(min = 8) int depth,
        @Parameter(description = "output widths of the three stages; the stem has the first one",
                defaultValue = "[16, 32, 64]") @Range(min = 1) List<Integer> widths,
        @Parameter(description = "how the parameters start (RepDistiller models/resnet.py: kaiming-normal-fan-out)",
                defaultValue = "kaiming-normal-fan-out") Initialisation initialisation) {

    /** The number of stages of a CIFAR ResNet. */
    public static final int STAGES = 3;

    public ResnetParams {
        Objects.requireNonNull(initialisation, "initialisation");
        if (depth < 8 || (depth - 2) % 6 != 0) {
            throw new IllegalArgumentException("resnet depth must be 6n+2 with n >= 1 (8, 14, 20, 32, 44, 56, 110), got "
                    + depth + nearest(depth));
        }
        widths = ParameterChecks.widths("widths", widths);
        if (widths.size() != STAGES) {
            throw new IllegalArgumentException("widths must give " + STAGES + " stage widths like [16, 32, 64], got "
                    + widths);
        }
    }

    /** The given architecture, initialised as the official code does. */
    public ResnetParams(int depth, List<Integer> widths) {
        this(depth, widths, Initialisation.KAIMING_NORMAL_FAN_OUT);
    }

    public ResnetParams(int depth) {
        this(depth, List.of(16, 32, 64));
    }

    /** Basic blocks per stage. */
    public int blocksPerStage() {
        return (depth - 2) / 6;
    }

    private static String nearest(int depth) {
        int below = Math.max(8, depth - Math.floorMod(depth - 2, 6));
        return depth > 8 ? "; the nearest valid depths are " + below + " and " + (below + 6) : "";
    }
}
