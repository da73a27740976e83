package org.distill4j.kernel.run;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a loaded model is the architecture a spec describes. A run that starts from another run's model (a
 * teacher compressed again, a student derived from a pruned teacher) knows only the spec of that run's model family;
 * unstructured pruning keeps every shape, a structured compression does not, and then the spec would misname the
 * model's layers.
 */
final class ArchitectureFit {

    private ArchitectureFit() {
    }

    /** What differs first between the graph's parameters and those the spec gives, or empty when they agree. */
    static Optional<String> mismatch(NetworkSpec spec, ComputationGraph graph) {
        ComputationGraph expected = new ComputationGraph(GraphBuilder.configure(spec, GraphSettings.inference(0)));
        expected.init();
        for (GraphVertex vertex : expected.getVertices()) {
            if (!vertex.hasLayer() || vertex.getLayer().numParams() == 0) {
                continue;
            }
            String name = vertex.getVertexName();
            GraphVertex loaded = graph.getVertex(name);
            if (loaded == null || !loaded.hasLayer()) {
                return Optional.of("its model has no layer '" + name + "', which its family's architecture ("
                        + spec.family() + ") has");
            }
            for (Map.Entry<String, INDArray> parameter : vertex.getLayer().paramTable().entrySet()) {
                INDArray actual = loaded.getLayer().paramTable().get(parameter.getKey());
                long[] want = parameter.getValue().shape();
                if (actual == null || !Arrays.equals(actual.shape(), want)) {
                    return Optional.of("its model's " + name + " " + describe(parameter.getKey()) + " is "
                            + (actual == null ? "missing" : Arrays.toString(actual.shape())) + " but its family's"
                            + " architecture (" + spec.family() + ") gives " + Arrays.toString(want));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(String parameter) {
        return switch (parameter) {
            case NetworkWeights.WEIGHT -> "weight";
            case NetworkWeights.BIAS -> "bias";
            default -> parameter;
        };
    }
}
