package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the layers a training stage must not change at the values they had when the stage began: every layer that
 * is not one of the given vertices or before them. FitNets' hint stage and FSP's first stage train only the part of
 * the student their loss reads; the rest (the classifier, the layers after the guided one) stays as it was, weight
 * decay, momentum and BatchNorm running statistics included, because each update is undone rather than masked.
 */
public final class FrozenLayers implements TrainableGraph.UpdateHook {

    private final Map<String, INDArray> saved;

    private FrozenLayers(Map<String, INDArray> saved) {
        this.saved = saved;
    }

    /**
     * A hook that keeps every layer with parameters that is neither one of {@code vertices} nor an ancestor of one.
     *
     * @param vertices vertex names of the graph (the stage's student taps)
     */
    public static FrozenLayers outside(TrainableGraph graph, Collection<String> vertices) {
        Set<String> trained = ancestors(graph, vertices);
        Map<String, INDArray> saved = new LinkedHashMap<>();
        for (GraphVertex vertex : graph.getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer().numParams() > 0 && !trained.contains(vertex.getVertexName())) {
                saved.put(vertex.getVertexName(), vertex.getLayer().params().dup());
            }
        }
        return new FrozenLayers(saved);
    }

    /** The names of the layers kept, in graph order. */
    public Set<String> frozen() {
        return saved.keySet();
    }

    @Override
    public void afterUpdate(TrainableGraph graph) {
        saved.forEach((name, values) -> graph.getLayer(name).params().assign(values));
    }

    /** The vertices and every vertex whose output reaches one of them. */
    static Set<String> ancestors(TrainableGraph graph, Collection<String> vertices) {
        Set<String> found = new HashSet<>();
        Deque<GraphVertex> open = new ArrayDeque<>();
        for (String name : vertices) {
            GraphVertex vertex = graph.getVertex(name);
            if (vertex == null) {
                throw new IllegalArgumentException("no vertex '" + name + "' in this network");
            }
            open.add(vertex);
        }
        GraphVertex[] all = graph.getVertices();
        while (!open.isEmpty()) {
            GraphVertex vertex = open.pop();
            if (!found.add(vertex.getVertexName()) || vertex.getInputVertices() == null) {
                continue;
            }
            for (VertexIndices input : vertex.getInputVertices()) {
                open.add(all[input.getVertexIndex()]);
            }
        }
        return found;
    }
}
