package org.distill4j.api.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An architecture as a value: the vertices of a network in topological order, each with a stable name.
 * A builder turns it into a DL4J graph; compressors edit it (narrower convs) and copy weights into the new graph.
 * The network output is the vertex {@link #LOGITS}, a dense layer with identity activation.
 *
 * @param family     the model family that produced it (informational)
 * @param input      the shape of one input image
 * @param nodes      the vertices in topological order
 * @param output     the name of the output vertex
 * @param initialisation how the graph builder initialises the trainable parameters (the family's
 *                   {@code initialisation} parameter); a spec made without one says {@link Initialisation#HE_NORMAL_FAN_IN},
 *                   the initialisation of every network before families chose theirs
 */
public record NetworkSpec(String family, InputShape input, List<NodeSpec> nodes, String output,
        Initialisation initialisation) {

    /** The name of the network input. */
    public static final String INPUT = "input";

    /** The name of the classifier output (pre-softmax). */
    public static final String LOGITS = "logits";

    public NetworkSpec {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(initialisation, "initialisation");
        nodes = List.copyOf(nodes);
        validate(nodes, output);
    }

    public NetworkSpec(String family, InputShape input, List<NodeSpec> nodes) {
        this(family, input, nodes, LOGITS);
    }

    public NetworkSpec(String family, InputShape input, List<NodeSpec> nodes, String output) {
        this(family, input, nodes, output, Initialisation.HE_NORMAL_FAN_IN);
    }

    /** The same architecture, initialised another way. */
    public NetworkSpec withInitialisation(Initialisation scheme) {
        return new NetworkSpec(family, input, nodes, output, scheme);
    }

    /** The vertex with this name. */
    public Optional<NodeSpec> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** Names of every vertex, in topological order. */
    public List<String> names() {
        return nodes.stream().map(NodeSpec::name).toList();
    }

    /** The per-sample output shape of every vertex (and of {@link #INPUT}), by name, in topological order. */
    public Map<String, TensorShape> shapes() {
        return ShapeInference.infer(this);
    }

    /** The per-sample output shape of one vertex. */
    public TensorShape shape(String vertex) {
        TensorShape shape = shapes().get(vertex);
        if (shape == null) {
            throw new IllegalArgumentException("no vertex '" + vertex + "' in this " + family + " network; vertices: "
                    + names());
        }
        return shape;
    }

    /** Names of the vertices that read the output of the given vertex. */
    public List<String> consumers(String vertex) {
        return nodes.stream().filter(node -> node.inputs().contains(vertex)).map(NodeSpec::name).toList();
    }

    /** The spec with each vertex replaced by the function's result (same names, same order). */
    public NetworkSpec map(UnaryOperator<NodeSpec> change) {
        List<NodeSpec> changed = new ArrayList<>(nodes.size());
        for (NodeSpec node : nodes) {
            NodeSpec replaced = change.apply(node);
            if (!replaced.name().equals(node.name())) {
                throw new IllegalArgumentException("a change may not rename vertex " + node.name());
            }
            changed.add(replaced);
        }
        return new NetworkSpec(family, input, changed, output, initialisation);
    }

    /** Parameter and multiply-accumulate counts. */
    public NetworkStatistics statistics() {
        return NetworkStatistics.of(this);
    }

    private static void validate(List<NodeSpec> nodes, String output) {
        Set<String> seen = new HashSet<>();
        seen.add(INPUT);
        for (NodeSpec node : nodes) {
            Objects.requireNonNull(node, "node");
            if (!seen.add(node.name())) {
                throw new IllegalArgumentException("vertex name '" + node.name() + "' is used twice");
            }
            for (String in : node.inputs()) {
                if (!seen.contains(in) || in.equals(node.name())) {
                    throw new IllegalArgumentException("vertex '" + node.name() + "' reads '" + in
                            + "', which is not an earlier vertex");
                }
            }
        }
        if (!seen.contains(output) || output.equals(INPUT)) {
            throw new IllegalArgumentException("output vertex '" + output + "' does not exist");
        }
    }

    /** Shape inference, kept apart so the record stays a value. */
    private static final class ShapeInference {

        static Map<String, TensorShape> infer(NetworkSpec spec) {
            Map<String, TensorShape> shapes = new LinkedHashMap<>();
            InputShape in = spec.input();
            shapes.put(INPUT, TensorShape.map(in.channels(), in.height(), in.width()));
            for (NodeSpec node : spec.nodes()) {
                shapes.put(node.name(), outputShape(node, shapes));
            }
            return Collections.unmodifiableMap(shapes);
        }

        private static TensorShape outputShape(NodeSpec node, Map<String, TensorShape> shapes) {
            TensorShape in = shapes.get(node.inputs().get(0));
            if (node instanceof NodeSpec.Conv2d conv) {
                requireMap(in, node);
                return TensorShape.map(conv.outChannels(),
                        convolved(in.height(), conv.kernel(), conv.stride(), conv.padding(), node),
                        convolved(in.width(), conv.kernel(), conv.stride(), conv.padding(), node));
            }
            if (node instanceof NodeSpec.MaxPool pool) {
                requireMap(in, node);
                return TensorShape.map(in.channels(), convolved(in.height(), pool.kernel(), pool.stride(), 0, node),
                        convolved(in.width(), pool.kernel(), pool.stride(), 0, node));
            }
            if (node instanceof NodeSpec.AvgPool pool) {
                requireMap(in, node);
                return TensorShape.map(in.channels(), convolved(in.height(), pool.kernel(), pool.stride(), 0, node),
                        convolved(in.width(), pool.kernel(), pool.stride(), 0, node));
            }
            if (node instanceof NodeSpec.GlobalAvgPool) {
                requireMap(in, node);
                return TensorShape.vector(in.channels());
            }
            if (node instanceof NodeSpec.Dense dense) {
                return TensorShape.vector(dense.units());
            }
            if (node instanceof NodeSpec.Add add) {
                for (String other : add.inputs()) {
                    if (!shapes.get(other).equals(in)) {
                        throw new IllegalArgumentException("vertex '" + node.name() + "' adds " + in + " ("
                                + add.inputs().get(0) + ") to " + shapes.get(other) + " (" + other + ")");
                    }
                }
                return in;
            }
            if (node instanceof NodeSpec.L2Normalize && !in.flat()) {
                throw new IllegalArgumentException("vertex '" + node.name() + "' normalises vectors, got " + in);
            }
            // BatchNorm, Relu, Activation, Dropout, Identity and L2Normalize keep the shape.
            return in;
        }

        private static void requireMap(TensorShape in, NodeSpec node) {
            if (in.flat()) {
                throw new IllegalArgumentException("vertex '" + node.name() + "' needs a feature map input, got a vector of "
                        + in.channels());
            }
        }

        private static int convolved(int size, int kernel, int stride, int padding, NodeSpec node) {
            int out = (size + 2 * padding - kernel) / stride + 1;
            if (out < 1) {
                throw new IllegalArgumentException("vertex '" + node.name() + "' gets a " + size + "-pixel input, too small for kernel "
                        + kernel + " with padding " + padding);
            }
            return out;
        }

        private ShapeInference() {
        }
    }

    /** Map helper used by statistics: the input shape of each vertex's first input. */
    static Map<String, TensorShape> firstInputShapes(NetworkSpec spec) {
        Map<String, TensorShape> shapes = spec.shapes();
        Map<String, TensorShape> inputs = new HashMap<>();
        for (NodeSpec node : spec.nodes()) {
            inputs.put(node.name(), shapes.get(node.inputs().get(0)));
        }
        return inputs;
    }
}
