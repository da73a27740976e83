package org.distill4j.models;

import org.distill4j.api.network.ActivationFunction;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the vertices of a network spec in topological order. Each convenience method reads the most recently
 * added vertex, so a family writes a plain chain as a sequence of calls; branches (shortcuts) use {@link #append}
 * with explicit inputs.
 */
public final class SpecBuilder {

    private final String family;
    private final InputShape input;
    private final Initialisation initialisation;
    private final List<NodeSpec> nodes = new ArrayList<>();
    private String last = NetworkSpec.INPUT;

    /** A spec initialised {@link Initialisation#HE_NORMAL_FAN_IN} (for tests and hand-made networks). */
    public SpecBuilder(String family, InputShape input) {
        this(family, input, Initialisation.HE_NORMAL_FAN_IN);
    }

    /** A spec whose parameters the graph builder initialises with the given scheme (the family's parameter). */
    public SpecBuilder(String family, InputShape input, Initialisation initialisation) {
        this.family = Objects.requireNonNull(family, "family");
        this.input = Objects.requireNonNull(input, "input");
        this.initialisation = Objects.requireNonNull(initialisation, "initialisation");
    }

    /** The name of the most recently added vertex ({@link NetworkSpec#INPUT} before the first). */
    public String last() {
        return last;
    }

    /** Adds a vertex with whatever inputs it names; later convenience calls read it. */
    public SpecBuilder append(NodeSpec node) {
        nodes.add(Objects.requireNonNull(node, "node"));
        last = node.name();
        return this;
    }

    /**
     * A square convolution without activation. Padding is {@code kernel / 2}, so an odd kernel keeps the spatial size
     * at stride 1 and halves it (rounding up) at stride 2.
     */
    public SpecBuilder convolution(String name, int outChannels, int kernel, int stride, boolean bias) {
        return append(convolutionFrom(name, last, outChannels, kernel, stride, bias));
    }

    /** The convolution {@link #convolution} would add, reading the given vertex instead of the last one. */
    public static NodeSpec.Conv2d convolutionFrom(String name, String input, int outChannels, int kernel, int stride,
            boolean bias) {
        return new NodeSpec.Conv2d(name, input, outChannels, kernel, stride, kernel / 2, bias);
    }

    public SpecBuilder batchNorm(String name) {
        return append(new NodeSpec.BatchNorm(name, last));
    }

    public SpecBuilder relu(String name) {
        return append(new NodeSpec.Relu(name, last));
    }

    /** The given non-linearity: a {@link NodeSpec.Relu} for ReLU, a {@link NodeSpec.Activation} otherwise. */
    public SpecBuilder activation(String name, ActivationFunction function) {
        return append(function == ActivationFunction.RELU
                ? new NodeSpec.Relu(name, last) : new NodeSpec.Activation(name, last, function));
    }

    public SpecBuilder maxPool(String name, int kernel, int stride) {
        return append(new NodeSpec.MaxPool(name, last, kernel, stride));
    }

    public SpecBuilder avgPool(String name, int kernel, int stride) {
        return append(new NodeSpec.AvgPool(name, last, kernel, stride));
    }

    public SpecBuilder globalAvgPool(String name) {
        return append(new NodeSpec.GlobalAvgPool(name, last));
    }

    public SpecBuilder dense(String name, int units, boolean bias) {
        return append(new NodeSpec.Dense(name, last, units, bias));
    }

    public SpecBuilder dropout(String name, double rate) {
        return append(new NodeSpec.Dropout(name, last, rate));
    }

    public SpecBuilder identity(String name) {
        return append(new NodeSpec.Identity(name, last));
    }

    /** Sums the last vertex and the given one (a residual connection). */
    public SpecBuilder addTo(String name, String other) {
        return append(new NodeSpec.Add(name, List.of(last, other)));
    }

    /** The spec, whose output is {@link NetworkSpec#LOGITS}; shapes are checked here, so a misfit fails early. */
    public NetworkSpec build() {
        NetworkSpec spec = new NetworkSpec(family, input, nodes, NetworkSpec.LOGITS, initialisation);
        spec.shapes();
        return spec;
    }
}
