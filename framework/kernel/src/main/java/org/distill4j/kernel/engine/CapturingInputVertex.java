package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.InputVertex;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The graph's input vertex, which also keeps a copy outside every workspace of the gradient back-propagation hands
 * it. DL4J holds activation gradients in per-layer workspaces that it closes before {@code calcBackpropGradients}
 * returns, and ND4J then refuses to read the input's gradient ("leaked workspace pointer"); copying it at the moment
 * it is set, while its workspace is open, lets the input-gradient passes keep their workspaces, which makes them
 * several times faster than passes without any (where every layer allocates its working memory afresh).
 */
final class CapturingInputVertex extends InputVertex {

    private INDArray captured;

    private CapturingInputVertex(ComputationGraph graph, GraphVertex input) {
        super(graph, input.getVertexName(), input.getVertexIndex(), input.getOutputVertices(), graph.params().dataType());
    }

    /** A vertex to put in the place of {@code input}, the graph's (initialised) input vertex. */
    static CapturingInputVertex replacing(ComputationGraph graph, GraphVertex input) {
        if (!input.isInputVertex()) {
            throw new IllegalArgumentException("vertex '" + input.getVertexName() + "' is not an input vertex");
        }
        return new CapturingInputVertex(graph, input);
    }

    @Override
    public void setEpsilon(INDArray epsilon) {
        super.setEpsilon(epsilon);
        // When the input feeds several vertices, DL4J sets the running sum each time; the last copy is the total.
        captured = epsilon == null ? null : epsilon.detach();
    }

    /** The last gradient set on this vertex, detached; null before the first back-propagation or after {@link #forget}. */
    INDArray captured() {
        return captured;
    }

    void forget() {
        captured = null;
    }
}
