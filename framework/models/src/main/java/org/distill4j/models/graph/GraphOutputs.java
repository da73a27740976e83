package org.distill4j.models.graph;

import org.distill4j.api.network.NetworkSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outputs of a graph built from a spec: the spec's output ({@code logits}) first, then one output per tapped
 * vertex, in the spec's topological order (so the order depends only on the spec and the set of taps).
 *
 * <p>A tapped vertex gets its own identity layer named {@link #tapName(String)}, whose only input is the vertex.
 * DL4J overwrites the back-propagated error of a layer that is both a graph output and an input of later layers,
 * so a tap must be a leaf. A tap on the spec's output vertex is that vertex itself.
 *
 * @param vertices the spec vertices whose activations the outputs carry, in output order
 * @param names    the graph output names, in the same order
 */
public record GraphOutputs(List<String> vertices, List<String> names) {

    /** Appended to a vertex name to name its tap layer. */
    public static final String TAP_SUFFIX = "@tap";

    public GraphOutputs {
        vertices = List.copyOf(vertices);
        names = List.copyOf(names);
        if (vertices.size() != names.size() || vertices.isEmpty()) {
            throw new IllegalArgumentException("outputs need one name per vertex, got vertices " + vertices
                    + " and names " + names);
        }
    }

    /** The name of the identity layer that exposes a tapped vertex. */
    public static String tapName(String vertex) {
        return Objects.requireNonNull(vertex, "vertex") + TAP_SUFFIX;
    }

    /** The outputs of a graph built from the spec with the given taps; every tap must be a vertex of the spec. */
    public static GraphOutputs of(NetworkSpec spec, Set<String> taps) {
        List<String> specVertices = spec.names();
        Set<String> unknown = new TreeSet<>(taps);
        unknown.removeAll(specVertices);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cannot tap " + unknown + ": no such vertex in this " + spec.family()
                    + " network; vertices: " + specVertices);
        }
        List<String> vertices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        vertices.add(spec.output());
        names.add(spec.output());
        for (String vertex : specVertices) {
            if (taps.contains(vertex) && !vertex.equals(spec.output())) {
                vertices.add(vertex);
                names.add(tapName(vertex));
            }
        }
        return new GraphOutputs(vertices, names);
    }

    /** The position of a vertex's activation in the graph's output array. */
    public int index(String vertex) {
        int index = vertices.indexOf(vertex);
        if (index < 0) {
            throw new IllegalArgumentException("vertex '" + vertex + "' is not an output of this graph; outputs carry "
                    + vertices + " (add it to the taps)");
        }
        return index;
    }

    /** The graph output name that carries a vertex's activation. */
    public String name(String vertex) {
        return names.get(index(vertex));
    }

    /** The extra outputs only (everything after the spec's own output). */
    public List<String> tapNames() {
        return names.subList(1, names.size());
    }
}
