package org.distill4j.models.graph;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Objects;

/**
 * Turns a network spec into a DL4J {@link ComputationGraph} whose vertex names are the spec's names.
 *
 * <ul>
 *   <li>Input {@code input}: {@code InputType.convolutional(height, width, channels)}, NCHW; float32.</li>
 *   <li>Outputs: see {@link GraphOutputs} (the spec's output first, then identity tap layers). There is no DL4J
 *       {@code OutputLayer}: every loss lives outside the graph (docs/design.md §3).</li>
 *   <li>Parameters: as the spec's {@link org.distill4j.api.network.Initialisation} says (the family's
 *       {@code initialisation} parameter), drawn by {@link ParameterInitialiser} right after {@code init()}; DL4J's
 *       configuration gives every conv and dense layer He (Kaiming) normal fan-in weights, N(0, 2 / fanIn)
 *       ({@link WeightInit#RELU}), and zero biases, which is the {@code he-normal-fan-in} scheme. A graph made with
 *       {@link #configure} must be initialised with {@link #initialise}, never with a bare {@code init()}.
 *       Batch norm: gamma 1, beta 0, eps 1e-5, running-average decay 0.9 (PyTorch momentum 0.1); DL4J stores four
 *       vectors per batch norm (gamma, beta, running mean, log10 of the running standard deviation), so
 *       {@code numParams()} exceeds the spec's trainable count by two per batch-norm channel.</li>
 *   <li>Workspaces enabled for training and inference (disabling them is slower and grows memory,
 *       docs/design.md §3).</li>
 * </ul>
 */
public final class GraphBuilder {

    private GraphBuilder() {
    }

    /** A freshly initialised graph. */
    public static ComputationGraph build(NetworkSpec spec, GraphSettings settings) {
        ComputationGraph graph = new ComputationGraph(configure(spec, settings));
        initialise(graph, spec, settings.seed());
        return graph;
    }

    /**
     * Initialises a graph made from {@link #configure}{@code (spec, ...)}: DL4J's {@code init()}, then the spec's
     * initialisation drawn from the seed (the seed of the graph's settings, so both draws follow the run's seed).
     */
    public static <G extends ComputationGraph> G initialise(G graph, NetworkSpec spec, long seed) {
        graph.init();
        ParameterInitialiser.apply(graph, spec, seed);
        return graph;
    }

    /** The graph configuration, not yet initialised. */
    public static ComputationGraphConfiguration configure(NetworkSpec spec, GraphSettings settings) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(settings, "settings");
        GraphOutputs outputs = outputs(spec, settings);
        InputShape input = spec.input();
        ComputationGraphConfiguration.GraphBuilder graph = defaults(settings).graphBuilder()
                .addInputs(NetworkSpec.INPUT)
                .setInputTypes(InputType.convolutional(input.height(), input.width(), input.channels()));
        for (NodeSpec node : spec.nodes()) {
            LayerTranslator.add(graph, node);
        }
        List<String> vertices = outputs.vertices();
        for (int index = 1; index < vertices.size(); index++) {
            graph.addLayer(outputs.names().get(index), LayerTranslator.activation(Activation.IDENTITY),
                    vertices.get(index));
        }
        return graph.setOutputs(outputs.names().toArray(String[]::new)).build();
    }

    /** The outputs a graph built with these settings has, in order. */
    public static GraphOutputs outputs(NetworkSpec spec, GraphSettings settings) {
        return GraphOutputs.of(spec, settings.taps());
    }

    private static NeuralNetConfiguration.Builder defaults(GraphSettings settings) {
        NeuralNetConfiguration.Builder defaults = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(settings.updater())
                .weightInit(WeightInit.RELU)
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (settings.weightDecay() > 0) {
            defaults.l2(settings.weightDecay()).l2Bias(settings.weightDecay());
        }
        return defaults;
    }
}
