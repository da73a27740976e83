package org.distill4j.models.graph;

import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.network.ActivationFunction;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggParams;
import org.distill4j.models.vgg.VggPreset;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GraphBuilderTest {

    @Test
    void numParamsIsTheSpecCountPlusTheBatchNormRunningStatistics() {
        for (NetworkSpec spec : SmallNetworks.all()) {
            ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(1));

            long runningStatistics = 0;
            for (NodeSpec node : spec.nodes()) {
                if (node instanceof NodeSpec.BatchNorm) {
                    runningStatistics += 2L * spec.shape(node.name()).channels();
                }
            }
            assertThat(graph.numParams()).as(spec.family())
                    .isEqualTo(spec.statistics().parameters() + runningStatistics);
            for (Map.Entry<String, Long> vertex : spec.statistics().parametersByVertex().entrySet()) {
                long expected = vertex.getValue() * (spec.node(vertex.getKey()).orElseThrow()
                        instanceof NodeSpec.BatchNorm ? 2 : 1);
                assertThat(graph.getLayer(vertex.getKey()).numParams()).as(vertex.getKey()).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyActivationHasTheShapeTheSpecInfers() {
        for (NetworkSpec spec : SmallNetworks.all()) {
            ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(2));

            Map<String, INDArray> activations = graph.feedForward(SmallNetworks.input(spec.input(), 3, 7), false);

            for (Map.Entry<String, TensorShape> expected : spec.shapes().entrySet()) {
                assertThat(activations.get(expected.getKey()).shape()).as(spec.family() + " " + expected.getKey())
                        .containsExactly(batchShape(expected.getValue(), 3));
            }
        }
    }

    @Test
    void tapsAreLeafIdentityLayersThatCarryTheTappedActivation() {
        NetworkSpec spec = SmallNetworks.resnet();
        Set<String> taps = Set.of("stage2.output", "stem.relu", "logits", "stage1.block1.bn2");
        ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(3).withTaps(taps));
        GraphOutputs outputs = GraphBuilder.outputs(spec, GraphSettings.inference(3).withTaps(taps));
        INDArray input = SmallNetworks.input(spec.input(), 2, 11);

        INDArray[] results = graph.output(false, input);
        Map<String, INDArray> activations = graph.feedForward(input, false);

        assertThat(graph.getConfiguration().getNetworkOutputs())
                .containsExactly("logits", "stem.relu@tap", "stage1.block1.bn2@tap", "stage2.output@tap");
        assertThat(outputs.names()).isEqualTo(graph.getConfiguration().getNetworkOutputs());
        assertThat(outputs.vertices()).containsExactly("logits", "stem.relu", "stage1.block1.bn2", "stage2.output");
        for (String vertex : outputs.vertices()) {
            assertThat(results[outputs.index(vertex)]).as(vertex).isEqualTo(activations.get(vertex));
            assertThat(graph.getConfiguration().getVertexInputs().get(outputs.name(vertex)))
                    .isEqualTo(vertex.equals("logits") ? List.of("pool") : List.of(vertex));
        }
        assertThat(outputs.tapNames()).containsExactly("stem.relu@tap", "stage1.block1.bn2@tap", "stage2.output@tap");
        assertThat(GraphOutputs.tapName("stage2.output")).isEqualTo("stage2.output@tap");
    }

    @Test
    void tapsAndOutputLookupsNameTheValidChoices() {
        NetworkSpec spec = SmallNetworks.mlp();

        assertThatThrownBy(() -> GraphBuilder.configure(spec, GraphSettings.inference(1).withTaps(Set.of("fc3"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot tap [fc3]")
                .hasMessageContaining("fc2.relu");
        assertThatThrownBy(() -> GraphOutputs.of(spec, Set.of()).index("fc1"))
                .hasMessageContaining("not an output")
                .hasMessageContaining("add it to the taps");
    }

    @Test
    void aDenseLayerReadsAFeatureMapInChannelRowColumnOrder() {
        InputShape shape = new InputShape(2, 2, 3);
        NetworkSpec spec = new NetworkSpec("flatten", shape, List.of(new NodeSpec.Dense("logits", "input", 12, false)));
        ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(1));
        graph.getLayer("logits").setParam("W", Nd4j.eye(12).castTo(DataType.FLOAT));
        INDArray input = SmallNetworks.input(shape, 2, 5);

        INDArray logits = graph.outputSingle(false, input);

        assertThat(logits).isEqualTo(input.reshape('c', 2, 12));
    }

    @Test
    void activationVerticesComputeTheirFunctions() {
        InputShape shape = new InputShape(1, 1, 5);
        double[] values = {-2, -0.5, 0, 0.5, 2};
        INDArray input = Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(1, 1, 1, 5);
        for (ActivationFunction function : ActivationFunction.values()) {
            NetworkSpec spec = new NetworkSpec("activation", shape, List.of(
                    new NodeSpec.Activation("function", NetworkSpec.INPUT, function),
                    new NodeSpec.Dense("logits", "function", 2, true)));
            ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(1));

            // A fresh copy each time: DL4J may apply an activation layer that reads the input in place.
            double[] output = graph.feedForward(input.dup(), false).get("function").reshape(5).toDoubleVector();

            for (int index = 0; index < values.length; index++) {
                double x = values[index];
                double expected = switch (function) {
                    case RELU -> Math.max(0, x);
                    case ELU -> x > 0 ? x : Math.exp(x) - 1;
                    case SOFTPLUS -> Math.log1p(Math.exp(x));
                    case TANH -> Math.tanh(x);
                };
                assertThat(output[index]).as(function + " at " + x).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void l2NormalizationGivesUnitVectors() {
        NetworkSpec spec = SmallNetworks.embedding();
        ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(4));

        INDArray embedding = graph.feedForward(SmallNetworks.input(spec.input(), 3, 1), false).get("embedding.normalized");

        assertThat(embedding.norm2(1).toDoubleVector()).containsExactly(new double[] {1, 1, 1}, within(1e-5));
    }

    @Test
    void aBuiltGraphSurvivesASaveAndRestore() throws IOException {
        for (NetworkSpec spec : SmallNetworks.all()) {
            GraphSettings settings = GraphSettings.inference(6).withUpdater(new Sgd(0.1)).withWeightDecay(1e-4)
                    .withTaps(Set.of(spec.names().get(1)));
            ComputationGraph graph = GraphBuilder.build(spec, settings);
            INDArray input = SmallNetworks.input(spec.input(), 2, 8);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            ModelSerializer.writeModel(graph, bytes, true);
            ComputationGraph restored = ModelSerializer.restoreComputationGraph(
                    new ByteArrayInputStream(bytes.toByteArray()), true);

            assertThat(restored.getConfiguration()).as(spec.family()).isEqualTo(graph.getConfiguration());
            assertThat(restored.params()).isEqualTo(graph.params());
            assertThat(restored.output(false, input)).isEqualTo(graph.output(false, input));
        }
    }

    @Test
    void theSameSeedGivesTheSameInitialParametersAndAnotherSeedOthers() {
        NetworkSpec spec = SmallNetworks.wideResnet();

        INDArray first = GraphBuilder.build(spec, GraphSettings.inference(42)).params();
        INDArray again = GraphBuilder.build(spec, GraphSettings.inference(42)).params();
        INDArray other = GraphBuilder.build(spec, GraphSettings.inference(43)).params();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void heNormalFanInWeightsAndBatchNormStartingAsTheIdentity() {
        NetworkSpec spec = new VggFamily(VggParams.of(VggPreset.VGG11, 0.5)).specify(new InputShape(1, 28, 28), 10)
                .withInitialisation(org.distill4j.api.network.Initialisation.HE_NORMAL_FAN_IN);
        ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(5));

        INDArray weights = graph.getLayer("conv3").getParam("W");
        double fanIn = 64 * 9;
        assertThat(weights.shape()).containsExactly(128, 64, 3, 3);
        assertThat(weights.meanNumber().doubleValue()).isCloseTo(0, within(0.002));
        assertThat(weights.stdNumber().doubleValue()).isCloseTo(Math.sqrt(2 / fanIn), within(0.02 * Math.sqrt(2 / fanIn)));
        assertThat(graph.getLayer("conv3.bn").getParam("gamma").minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(graph.getLayer("conv3.bn").getParam("gamma").maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(graph.getLayer("conv3.bn").getParam("beta").amaxNumber().doubleValue()).isZero();
        assertThat(graph.getLayer("logits").getParam("b").amaxNumber().doubleValue()).isZero();
        assertThat(graph.getLayer("conv3").paramTable()).doesNotContainKey("b");
    }

    @Test
    void layersAreConfiguredAsThePyTorchReferences() {
        NetworkSpec spec = SmallNetworks.vgg();
        ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(1));

        BatchNormalization batchNorm = (BatchNormalization) layer(graph, "conv1.bn");
        assertThat(batchNorm.getEps()).isEqualTo(1e-5);
        assertThat(batchNorm.getDecay()).isEqualTo(0.9);
        DropoutLayer dropout = (DropoutLayer) layer(graph, "fc1.dropout");
        assertThat(((Dropout) dropout.getIDropout()).getP()).as("retain probability").isEqualTo(0.5);
        DropoutLayer inputDropout = (DropoutLayer) layer(GraphBuilder.build(SmallNetworks.mlp(), GraphSettings.inference(1)), "input.dropout");
        assertThat(((Dropout) inputDropout.getIDropout()).getP()).as("retain probability").isCloseTo(0.8, within(1e-12));
        assertThat(graph.getConfiguration().getTrainingWorkspaceMode()).isEqualTo(WorkspaceMode.ENABLED);
        assertThat(graph.getConfiguration().getInferenceWorkspaceMode()).isEqualTo(WorkspaceMode.ENABLED);
        assertThat(graph.params().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(layer(graph, "conv1").getUpdaterByParam("W")).isInstanceOf(NoOp.class);
    }

    @Test
    void weightDecayIsL2OnWeightsAndBiasesButNotOnBatchNorm() {
        NetworkSpec spec = SmallNetworks.vgg();
        GraphSettings settings = GraphSettings.inference(1).withUpdater(new Sgd(0.1)).withWeightDecay(5e-4);
        ComputationGraph graph = GraphBuilder.build(spec, settings);

        assertThat(l2(layer(graph, "conv1").getRegularizationByParam("W"))).isEqualTo(5e-4);
        assertThat(l2(layer(graph, "logits").getRegularizationByParam("W"))).isEqualTo(5e-4);
        assertThat(l2(layer(graph, "logits").getRegularizationByParam("b"))).isEqualTo(5e-4);
        assertThat(layer(graph, "conv1.bn").getRegularizationByParam("gamma")).isNullOrEmpty();
        assertThat(layer(graph, "conv1").getUpdaterByParam("W")).isInstanceOf(Sgd.class);
        assertThat(layer(GraphBuilder.build(spec, GraphSettings.inference(1)), "conv1").getRegularizationByParam("W"))
                .isNullOrEmpty();
    }

    @Test
    void theNetworkFactoryBuildsAnInferenceGraphWithTheLogitsAsItsOnlyOutput() {
        NetworkSpec spec = SmallNetworks.mlp();

        Network network = new GraphNetworkFactory().build(spec, 9);

        assertThat(network.spec()).isEqualTo(spec);
        assertThat(network.graph().getConfiguration().getNetworkOutputs()).containsExactly("logits");
        assertThat(network.graph().params()).isEqualTo(GraphBuilder.build(spec, GraphSettings.inference(9)).params());
    }

    @Test
    void vgg16AndVgg19PresetsRunOnFashionMnistAndCifarShapes() {
        for (VggPreset preset : List.of(VggPreset.VGG16, VggPreset.VGG19)) {
            for (InputShape shape : List.of(new InputShape(1, 28, 28), new InputShape(3, 32, 32))) {
                NetworkSpec spec = new VggFamily(VggParams.of(preset, 0.25)).specify(shape, 10);
                ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(1));

                INDArray logits = graph.outputSingle(false, SmallNetworks.input(shape, 2, 3));

                assertThat(logits.shape()).as(preset + " on " + shape).containsExactly(2, 10);
                assertThat(graph.numParams()).isEqualTo(spec.statistics().parameters() + 2 * batchNormChannels(spec));
            }
        }
    }

    private static long batchNormChannels(NetworkSpec spec) {
        return spec.nodes().stream().filter(NodeSpec.BatchNorm.class::isInstance)
                .mapToLong(node -> spec.shape(node.name()).channels()).sum();
    }

    private static Layer layer(ComputationGraph graph, String name) {
        return graph.getLayer(name).conf().getLayer();
    }

    private static double l2(List<Regularization> regularizations) {
        assertThat(regularizations).hasSize(1).first().isInstanceOf(L2Regularization.class);
        return ((L2Regularization) regularizations.get(0)).getL2().valueAt(0, 0);
    }

    private static long[] batchShape(TensorShape shape, int batch) {
        return shape.flat() ? new long[] {batch, shape.channels()}
                : new long[] {batch, shape.channels(), shape.height(), shape.width()};
    }
}
