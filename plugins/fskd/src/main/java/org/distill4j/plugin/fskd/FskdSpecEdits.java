package org.distill4j.plugin.fskd;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spec edits the surgery shares: re-pointing consumers, dropping and inserting vertices. */
final class FskdSpecEdits {

    private FskdSpecEdits() {
    }

    /** The vertex with every input renamed through {@code renames} (names not in it stay). */
    static NodeSpec rewire(NodeSpec node, Map<String, String> renames) {
        if (node instanceof NodeSpec.Add add) {
            return new NodeSpec.Add(add.name(), add.inputs().stream().map(in -> renames.getOrDefault(in, in)).toList());
        }
        String input = node.inputs().get(0);
        String in = renames.getOrDefault(input, input);
        if (in.equals(input)) {
            return node;
        }
        // NodeSpec is sealed: every single-input vertex type is listed, so a new type fails here loudly.
        if (node instanceof NodeSpec.Conv2d conv) {
            return new NodeSpec.Conv2d(conv.name(), in, conv.outChannels(), conv.kernel(), conv.stride(), conv.padding(),
                    conv.bias());
        } else if (node instanceof NodeSpec.BatchNorm norm) {
            return new NodeSpec.BatchNorm(norm.name(), in);
        } else if (node instanceof NodeSpec.Relu relu) {
            return new NodeSpec.Relu(relu.name(), in);
        } else if (node instanceof NodeSpec.Activation activation) {
            return new NodeSpec.Activation(activation.name(), in, activation.function());
        } else if (node instanceof NodeSpec.MaxPool pool) {
            return new NodeSpec.MaxPool(pool.name(), in, pool.kernel(), pool.stride());
        } else if (node instanceof NodeSpec.AvgPool pool) {
            return new NodeSpec.AvgPool(pool.name(), in, pool.kernel(), pool.stride());
        } else if (node instanceof NodeSpec.GlobalAvgPool pool) {
            return new NodeSpec.GlobalAvgPool(pool.name(), in);
        } else if (node instanceof NodeSpec.Dense dense) {
            return new NodeSpec.Dense(dense.name(), in, dense.units(), dense.bias());
        } else if (node instanceof NodeSpec.Dropout dropout) {
            return new NodeSpec.Dropout(dropout.name(), in, dropout.rate());
        } else if (node instanceof NodeSpec.L2Normalize normalize) {
            return new NodeSpec.L2Normalize(normalize.name(), in);
        } else if (node instanceof NodeSpec.Identity identity) {
            return new NodeSpec.Identity(identity.name(), in);
        }
        throw new IllegalStateException("vertex '" + node.name() + "' has type " + node.getClass().getSimpleName()
                + ", which the FSKD surgery does not know how to re-point");
    }

    /**
     * The spec without the {@code removed} vertices, their consumers reading {@code renames} instead (each removed
     * vertex must be renamed to the vertex that takes its place).
     */
    static NetworkSpec remove(NetworkSpec spec, Set<String> removed, Map<String, String> renames) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            if (!removed.contains(node.name())) {
                nodes.add(rewire(node, renames));
            }
        }
        String output = renames.getOrDefault(spec.output(), spec.output());
        return new NetworkSpec(spec.family(), spec.input(), nodes, output, spec.initialisation());
    }

    /**
     * The spec with {@code inserted.get(v)} placed right after each vertex {@code v}; every other consumer of
     * {@code v} reads the inserted vertex instead.
     */
    static NetworkSpec insertAfter(NetworkSpec spec, Map<String, NodeSpec> inserted) {
        Map<String, String> renames = new java.util.HashMap<>();
        inserted.forEach((vertex, node) -> renames.put(vertex, node.name()));
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            nodes.add(rewire(node, renames));
            NodeSpec after = inserted.get(node.name());
            if (after != null) {
                nodes.add(after);
            }
        }
        String output = renames.getOrDefault(spec.output(), spec.output());
        return new NetworkSpec(spec.family(), spec.input(), nodes, output, spec.initialisation());
    }

    /** Whether the vertex is an element-wise non-linearity (the end of an FSKD block). */
    static boolean isNonLinearity(NodeSpec node) {
        return node instanceof NodeSpec.Relu || node instanceof NodeSpec.Activation;
    }

    /** The conv vertex of that name, or a clear error. */
    static NodeSpec.Conv2d conv(NetworkSpec spec, String vertex, String role) {
        NodeSpec node = spec.node(vertex).orElseThrow(() -> new IllegalArgumentException(role + " has no vertex '"
                + vertex + "'; the student must keep the teacher's vertex names (vertices: " + spec.names() + ")"));
        if (!(node instanceof NodeSpec.Conv2d conv)) {
            throw new IllegalArgumentException(role + " vertex '" + vertex + "' is a "
                    + node.getClass().getSimpleName() + ", expected a Conv2d");
        }
        return conv;
    }
}
