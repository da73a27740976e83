package org.distill4j.models.graph;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.models.mlp.MlpFamily;
import org.distill4j.models.mlp.MlpParams;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.models.vgg.VggParams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each initialisation scheme draws the distribution its documentation (and the official code it cites) says:
 * bounds of uniform draws, standard deviations of normal ones within sampling error, constants exactly.
 */
class ParameterInitialiserTest {

    private static final InputShape MNIST = new InputShape(1, 28, 28);

    /** conv1 1->64 (fan-in 9, fan-out 576), conv2 64->64 (fan-in and fan-out 576), fc1 3136->256, logits 256->10. */
    private static NetworkSpec vgg(Initialisation scheme) {
        return new VggFamily(new VggParams(null, List.of("64", "M", "64", "M"), 1, true, List.of(256), 0,
                VggFinalPool.FLATTEN, scheme)).specify(MNIST, 10);
    }

    private static ComputationGraph build(NetworkSpec spec, long seed) {
        return GraphBuilder.build(spec, GraphSettings.inference(seed));
    }

    private static INDArray parameter(ComputationGraph graph, String vertex, String name) {
        return graph.getLayer(vertex).getParam(name);
    }

    private static double standardDeviation(INDArray values) {
        return values.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).stdNumber().doubleValue();
    }

    private static double maximumMagnitude(INDArray values) {
        return values.amaxNumber().doubleValue();
    }

    @Test
    void torchDefaultDrawsWeightsAndBiasesUniformlyWithinOneOverRootFanIn() {
        NetworkSpec spec = new MlpFamily(new MlpParams(List.of(800, 800), 0, 0)).specify(MNIST, 10);
        assertThat(spec.initialisation()).isEqualTo(Initialisation.TORCH_DEFAULT);
        ComputationGraph graph = build(spec, 7);
        for (String[] layer : new String[][] {{"fc1", "784"}, {"fc2", "800"}, {"logits", "800"}}) {
            double bound = 1 / Math.sqrt(Double.parseDouble(layer[1]));
            INDArray weight = parameter(graph, layer[0], "W");
            INDArray bias = parameter(graph, layer[0], "b");
            assertThat(maximumMagnitude(weight)).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
            assertThat(maximumMagnitude(bias)).isLessThanOrEqualTo(bound);
            // U(-b, b) has standard deviation b / sqrt(3).
            assertThat(standardDeviation(weight)).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
            assertThat(weight.meanNumber().doubleValue()).isCloseTo(0, within(0.01 * bound));
            assertThat(standardDeviation(bias)).isCloseTo(bound / Math.sqrt(3), within(0.15 * bound));
        }
    }

    @Test
    void torchDefaultConvolutionsUseTheReceptiveFieldInTheFanIn() {
        ComputationGraph graph = build(vgg(Initialisation.TORCH_DEFAULT), 3);
        double bound = 1 / Math.sqrt(64 * 9);
        INDArray weight = parameter(graph, "conv2", "W");
        assertThat(maximumMagnitude(weight)).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        assertThat(standardDeviation(weight)).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
        assertThat(parameter(graph, "conv2.bn", "gamma").minNumber().doubleValue()).isEqualTo(1);
        assertThat(parameter(graph, "conv2.bn", "beta").amaxNumber().doubleValue()).isEqualTo(0);
    }

    @Test
    void kaimingNormalFanOutDrawsConvolutionsFromTheOutputFanAndLeavesDenseLayersAtTorchDefaults() {
        ComputationGraph graph = build(vgg(Initialisation.KAIMING_NORMAL_FAN_OUT), 5);
        // conv1 has fan-in 9 but fan-out 576: the fan-out gives the much smaller spread.
        double conv1 = Math.sqrt(2.0 / (64 * 9));
        assertThat(standardDeviation(parameter(graph, "conv1", "W"))).isCloseTo(conv1, within(0.1 * conv1));
        assertThat(standardDeviation(parameter(graph, "conv2", "W"))).isCloseTo(conv1, within(0.02 * conv1));
        double dense = 1 / Math.sqrt(64 * 7 * 7);
        assertThat(maximumMagnitude(parameter(graph, "fc1", "W"))).isLessThanOrEqualTo(dense);
        assertThat(maximumMagnitude(parameter(graph, "fc1", "b"))).isLessThanOrEqualTo(dense).isGreaterThan(0);
    }

    @Test
    void kaimingNormalFanOutDenseNormalGivesDenseLayersStandardDeviationOneHundredthAndZeroBiases() {
        NetworkSpec spec = vgg(Initialisation.KAIMING_NORMAL_FAN_OUT_DENSE_NORMAL);
        ComputationGraph graph = build(spec, 5);
        assertThat(standardDeviation(parameter(graph, "fc1", "W"))).isCloseTo(0.01, within(0.0002));
        assertThat(maximumMagnitude(parameter(graph, "fc1", "b"))).isZero();
        assertThat(maximumMagnitude(parameter(graph, "logits", "b"))).isZero();
        double conv = Math.sqrt(2.0 / (64 * 9));
        assertThat(standardDeviation(parameter(graph, "conv2", "W"))).isCloseTo(conv, within(0.02 * conv));
    }

    @Test
    void vggDefaultsToRepDistillersSchemeAndMlpToPytorchs() {
        assertThat(new VggParams(null, List.of("8"), 1, true, List.of(), 0, VggFinalPool.FLATTEN).initialisation())
                .isEqualTo(Initialisation.KAIMING_NORMAL_FAN_OUT_DENSE_NORMAL);
        assertThat(new MlpParams(List.of(8), 0, 0).initialisation()).isEqualTo(Initialisation.TORCH_DEFAULT);
    }

    @Test
    void heNormalFanInIsDl4jsReluInitialisationWithZeroBiases() {
        ComputationGraph graph = build(vgg(Initialisation.HE_NORMAL_FAN_IN), 9);
        double conv2 = Math.sqrt(2.0 / (64 * 9));
        assertThat(standardDeviation(parameter(graph, "conv2", "W"))).isCloseTo(conv2, within(0.02 * conv2));
        double conv1 = Math.sqrt(2.0 / 9);
        assertThat(standardDeviation(parameter(graph, "conv1", "W"))).isCloseTo(conv1, within(0.1 * conv1));
        double dense = Math.sqrt(2.0 / (64 * 7 * 7));
        assertThat(standardDeviation(parameter(graph, "fc1", "W"))).isCloseTo(dense, within(0.02 * dense));
        assertThat(maximumMagnitude(parameter(graph, "fc1", "b"))).isZero();
    }

    @Test
    void uniformGammaDrawsBatchNormScalesFromZeroToOne() {
        ComputationGraph graph = build(vgg(Initialisation.HE_NORMAL_FAN_IN_UNIFORM_GAMMA), 9);
        INDArray gamma = parameter(graph, "conv2.bn", "gamma");
        assertThat(gamma.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(gamma.maxNumber().doubleValue()).isLessThan(1);
        assertThat(gamma.meanNumber().doubleValue()).isCloseTo(0.5, within(0.15));
        assertThat(maximumMagnitude(parameter(graph, "conv2.bn", "beta"))).isZero();
        // Running statistics start as DL4J starts them, whatever the scheme.
        assertThat(maximumMagnitude(parameter(graph, "conv2.bn", "mean"))).isZero();
    }

    @Test
    void theSameSeedGivesTheSameParametersAndAnotherSeedOthers() {
        for (Initialisation scheme : Initialisation.values()) {
            NetworkSpec spec = vgg(scheme);
            INDArray first = build(spec, 11).params();
            assertThat(build(spec, 11).params()).as(scheme.name()).isEqualTo(first);
            assertThat(build(spec, 12).params()).as(scheme.name()).isNotEqualTo(first);
        }
    }

    @Test
    void aTapLeavesTheInitialValuesUnchanged() {
        NetworkSpec spec = vgg(Initialisation.TORCH_DEFAULT);
        ComputationGraph plain = build(spec, 4);
        ComputationGraph tapped = GraphBuilder.build(spec, GraphSettings.inference(4).withTaps(Set.of("conv1.relu")));
        assertThat(tapped.params()).isEqualTo(plain.params());
    }

    @Test
    void initialiseAppliesTheSchemeToAGraphMadeFromItsConfiguration() {
        NetworkSpec spec = vgg(Initialisation.KAIMING_NORMAL_FAN_OUT_DENSE_NORMAL);
        ComputationGraph configured = GraphBuilder.initialise(
                new ComputationGraph(GraphBuilder.configure(spec, GraphSettings.inference(6))), spec, 6);
        assertThat(configured.params()).isEqualTo(build(spec, 6).params());
    }
}
