package org.distill4j.api.network;

import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.Objects;

/**
 * A network spec together with the DL4J graph built from it. Vertex names in the graph are the spec's names.
 */
public record Network(NetworkSpec spec, ComputationGraph graph) {

    public Network {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(graph, "graph");
    }
}
