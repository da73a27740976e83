package org.distill4j.api.network;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the parameters of a {@link Network} by vertex name, for compressors and aligners that edit
 * networks. Layouts (DL4J 1.0.0-M2.1): conv {@link #WEIGHT} {@code [out, in, kH, kW]} and {@link #BIAS}
 * {@code [1, out]}; dense {@link #WEIGHT} {@code [in, out]} (a flattened feature map is in channel, row, column
 * order) and {@link #BIAS} {@code [1, out]}; batch norm {@link #GAMMA}, {@link #BETA}, {@link #MEAN} and
 * {@link #LOG10_STD} {@code [1, channels]}. Read values through {@link #copy} or {@code dup()}: in ND4J 1.0.0-M2.1
 * slices and point-index selections of these views have no data buffer and fail.
 */
public final class NetworkWeights {

    public static final String WEIGHT = "W";
    public static final String BIAS = "b";
    public static final String GAMMA = "gamma";
    public static final String BETA = "beta";
    public static final String MEAN = "mean";
    /** log10 of the running standard deviation (DL4J's default since 1.0.0-beta4); the variance is its square. */
    public static final String LOG10_STD = "log10stdev";
    /** The running variance, in graphs configured with {@code useLogStd(false)}. */
    public static final String VARIANCE = "var";

    private NetworkWeights() {
    }

    /** Whether the vertex has a parameter of this key. */
    public static boolean has(Network network, String vertex, String key) {
        return layer(network.graph(), vertex).paramTable().containsKey(key);
    }

    /** A parameter as a view: writing into it changes the network. */
    public static INDArray get(Network network, String vertex, String key) {
        Map<String, INDArray> table = layer(network.graph(), vertex).paramTable();
        INDArray value = table.get(key);
        if (value == null) {
            throw new IllegalArgumentException("vertex '" + vertex + "' has no parameter '" + key + "'; it has "
                    + table.keySet());
        }
        return layer(network.graph(), vertex).getParam(key);
    }

    /** Overwrites a parameter; the value must have the parameter's length (its shape may differ, e.g. a vector). */
    public static void set(Network network, String vertex, String key, INDArray value) {
        INDArray target = get(network, vertex, key);
        if (target.length() != value.length()) {
            throw new IllegalArgumentException("vertex '" + vertex + "' parameter '" + key + "' has shape "
                    + Arrays.toString(target.shape()) + ", cannot take " + Arrays.toString(value.shape()));
        }
        target.assign(value.reshape(target.shape()).castTo(target.dataType()));
    }

    /** A parameter copied to float64, in its own shape. */
    public static INDArray copy(Network network, String vertex, String key) {
        return get(network, vertex, key).castTo(DataType.DOUBLE).dup();
    }

    /** The running variance of a batch norm in float64, whichever way the graph stores it. */
    public static INDArray variance(Network network, String vertex) {
        if (has(network, vertex, VARIANCE)) {
            return copy(network, vertex, VARIANCE);
        }
        INDArray std = Transforms.pow(Nd4j.valueArrayOf(get(network, vertex, LOG10_STD).shape(), 10.0,
                DataType.DOUBLE), copy(network, vertex, LOG10_STD), false);
        return std.muli(std);
    }

    /**
     * Copies the parameters of every vertex that both networks have with the same parameter shapes.
     *
     * @return the vertices of {@code to} that have parameters but were not copied (absent from {@code from}, or
     *         shaped differently), in topological order: the ones the caller must fill itself
     */
    public static List<String> copyMatching(Network from, Network to) {
        List<String> notCopied = new ArrayList<>();
        for (NodeSpec node : to.spec().nodes()) {
            GraphVertex target = to.graph().getVertex(node.name());
            if (target == null || !target.hasLayer() || target.getLayer().numParams() == 0) {
                continue;
            }
            GraphVertex source = from.graph().getVertex(node.name());
            if (source == null || !source.hasLayer() || !sameShapes(source.getLayer(), target.getLayer())) {
                notCopied.add(node.name());
                continue;
            }
            target.getLayer().paramTable().forEach((key, value) -> value.assign(source.getLayer().getParam(key)));
        }
        return List.copyOf(notCopied);
    }

    private static boolean sameShapes(Layer source, Layer target) {
        Map<String, INDArray> from = source.paramTable();
        Map<String, INDArray> to = target.paramTable();
        if (!from.keySet().equals(to.keySet())) {
            return false;
        }
        return to.keySet().stream().allMatch(key -> Arrays.equals(from.get(key).shape(), to.get(key).shape()));
    }

    private static Layer layer(ComputationGraph graph, String vertex) {
        GraphVertex found = graph.getVertex(vertex);
        if (found == null || !found.hasLayer()) {
            throw new IllegalArgumentException("the network has no layer vertex '" + vertex + "'");
        }
        return found.getLayer();
    }
}
