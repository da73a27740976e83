package org.distill4j.api.network;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Arrays;
import java.util.List;

/**
 * One vertex of a network spec. Names are stable ({@code stage2.block1.conv1}) so that taps, pruning records and
 * aligners can address them; {@link #inputs()} name earlier vertices or {@link NetworkSpec#INPUT}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NodeSpec.Conv2d.class, name = "conv2d"),
        @JsonSubTypes.Type(value = NodeSpec.BatchNorm.class, name = "batch-norm"),
        @JsonSubTypes.Type(value = NodeSpec.Relu.class, name = "relu"),
        @JsonSubTypes.Type(value = NodeSpec.Activation.class, name = "activation"),
        @JsonSubTypes.Type(value = NodeSpec.MaxPool.class, name = "max-pool"),
        @JsonSubTypes.Type(value = NodeSpec.AvgPool.class, name = "avg-pool"),
        @JsonSubTypes.Type(value = NodeSpec.GlobalAvgPool.class, name = "global-avg-pool"),
        @JsonSubTypes.Type(value = NodeSpec.Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = NodeSpec.Dropout.class, name = "dropout"),
        @JsonSubTypes.Type(value = NodeSpec.Add.class, name = "add"),
        @JsonSubTypes.Type(value = NodeSpec.L2Normalize.class, name = "l2-normalize"),
        @JsonSubTypes.Type(value = NodeSpec.Identity.class, name = "identity"),
})
public sealed interface NodeSpec {

    String name();

    List<String> inputs();

    /**
     * A convolution with identity activation (the non-linearity is a separate {@link Relu}, so the pre-activation
     * stays addressable). Weights are {@code [outChannels, inChannels, kernel, kernel]}.
     */
    record Conv2d(String name, String input, int outChannels, int kernel, int stride, int padding, boolean bias)
            implements NodeSpec {
        public Conv2d {
            positive(outChannels, "outChannels", name);
            positive(kernel, "kernel", name);
            positive(stride, "stride", name);
            if (padding < 0) {
                throw new IllegalArgumentException(name + ": padding must be >= 0, got " + padding);
            }
        }

        public List<String> inputs() {
            return List.of(input);
        }

        public Conv2d withOutChannels(int channels) {
            return new Conv2d(name, input, channels, kernel, stride, padding, bias);
        }
    }

    /** Batch normalisation over channels (inference uses the running statistics). */
    record BatchNorm(String name, String input) implements NodeSpec {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    record Relu(String name, String input) implements NodeSpec {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * An element-wise non-linearity other than ReLU (which keeps its own vertex type, the common case). Smooth
     * functions matter where second derivatives do: the input-gradient distillers difference parameter gradients
     * across a small step of the input, which is exact only where the network has no kinks.
     */
    record Activation(String name, String input, ActivationFunction function) implements NodeSpec {
        public Activation {
            if (function == null) {
                throw new IllegalArgumentException(name + ": activation needs a function, one of "
                        + Arrays.toString(ActivationFunction.values()));
            }
        }

        public List<String> inputs() {
            return List.of(input);
        }
    }

    record MaxPool(String name, String input, int kernel, int stride) implements NodeSpec {
        public MaxPool {
            positive(kernel, "kernel", name);
            positive(stride, "stride", name);
        }

        public List<String> inputs() {
            return List.of(input);
        }
    }

    record AvgPool(String name, String input, int kernel, int stride) implements NodeSpec {
        public AvgPool {
            positive(kernel, "kernel", name);
            positive(stride, "stride", name);
        }

        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** Averages each channel over its spatial positions, giving a vector. */
    record GlobalAvgPool(String name, String input) implements NodeSpec {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** A fully connected layer with identity activation; a feature-map input is flattened (C, H, W order). */
    record Dense(String name, String input, int units, boolean bias) implements NodeSpec {
        public Dense {
            positive(units, "units", name);
        }

        public List<String> inputs() {
            return List.of(input);
        }

        public Dense withUnits(int count) {
            return new Dense(name, input, count, bias);
        }
    }

    /** Drops each activation with probability {@code rate} during training only. */
    record Dropout(String name, String input, double rate) implements NodeSpec {
        public Dropout {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException(name + ": dropout rate must be in [0, 1), got " + rate);
            }
        }

        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** Element-wise sum of equally shaped inputs (residual connections). */
    record Add(String name, List<String> inputs) implements NodeSpec {
        public Add {
            inputs = List.copyOf(inputs);
            if (inputs.size() < 2) {
                throw new IllegalArgumentException(name + ": add needs at least two inputs, got " + inputs);
            }
        }
    }

    /** Scales each sample's vector to unit L2 norm (embedding heads). */
    record L2Normalize(String name, String input) implements NodeSpec {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * Passes its input through unchanged. Gives a stable name to a position whose underlying vertex name depends on
     * depth, such as {@code stage2.output}, so descriptors can tap it on any depth.
     */
    record Identity(String name, String input) implements NodeSpec {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    private static void positive(int value, String what, String node) {
        if (value < 1) {
            throw new IllegalArgumentException(node + ": " + what + " must be >= 1, got " + value);
        }
    }
}
