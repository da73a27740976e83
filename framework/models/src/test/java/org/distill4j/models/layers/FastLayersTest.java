package org.distill4j.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each fast layer against the DL4J layer it replaces, built from the same configuration with the fast path switched
 * off ({@link FastLayers#DISABLE_PROPERTY}): same outputs, same input gradient, same parameter gradients, within
 * float32 rounding. Batch norm's running variance is the documented exception (unbiased here, as in PyTorch), checked
 * against its formula; batch norm also gets a finite-difference check of its input gradient.
 */
class FastLayersTest {

    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    @AfterEach
    void enableFastLayers() {
        System.clearProperty(FastLayers.DISABLE_PROPERTY);
    }

    @Test
    void fastLayersRunOnTheCpuBackend() {
        assertThat(FastLayers.enabled()).isTrue();
        assertThat(instantiate(FastBatchNormalization.of(1e-5, 0.9), 4, true)).isInstanceOf(
                FastBatchNormalizationLayer.class);
        assertThat(instantiate(FastBatchNormalization.of(1e-5, 0.9), 4, false)).isNotInstanceOf(
                FastBatchNormalizationLayer.class);
    }

    @Test
    void batchNormOnFeatureMapsMatchesDl4jInTrainingAndInference() {
        compareBatchNorm(Nd4j.randn(DataType.FLOAT, 6, 3, 5, 7).muli(2).addi(0.5));
    }

    @Test
    void batchNormSplitBetweenThreadsMatchesDl4jInTrainingAndInference() {
        // Above KernelThreads' smallest parallel length, so the batch is split wherever there are two threads.
        INDArray x = Nd4j.randn(DataType.FLOAT, 9, 5, 40, 37).muli(2).addi(0.5);
        assertThat(x.length()).isGreaterThan(KernelThreads.SMALLEST_PARALLEL_LENGTH);
        compareBatchNorm(x);
    }

    @Test
    void batchNormOnVectorsMatchesDl4j() {
        compareBatchNorm(Nd4j.randn(DataType.FLOAT, 9, 5).muli(3).subi(1));
    }

    @Test
    void batchNormUpdatesTheRunningVarianceWithTheUnbiasedBatchVarianceAsPyTorch() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 4, 2, 3, 3).muli(1.5).addi(2);
        FastBatchNormalization configuration = FastBatchNormalization.of(1e-5, 0.9);
        Layer layer = instantiate(configuration, 2, true);
        INDArray parameters = layer.params();
        parameters.assign(0);
        layer.getParam(BatchNormalizationParamInitializer.GAMMA).assign(1);
        // Running log10 std 0: running variance 1.
        layer.setInput(x, NO_WORKSPACES);
        layer.activate(true, NO_WORKSPACES);
        Gradient gradient = layer.backpropGradient(Nd4j.ones(DataType.FLOAT, x.shape()), NO_WORKSPACES).getFirst();
        double values = 4 * 3 * 3;
        for (int c = 0; c < 2; c++) {
            INDArray channel = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c)).castTo(DataType.DOUBLE);
            double mean = channel.meanNumber().doubleValue();
            double unbiased = channel.sub(mean).muli(channel.sub(mean)).sumNumber().doubleValue() / (values - 1);
            double runningMean = 0.1 * mean;
            double runningVariance = 0.9 + 0.1 * unbiased;
            // The step subtracts the gradient: new = old - delta.
            double meanDelta = gradient.getGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN).getDouble(c);
            double logStdDelta = gradient.getGradientFor(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)
                    .getDouble(c);
            assertThat(0 - meanDelta).isCloseTo(runningMean, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(Math.pow(10, 2 * (0 - logStdDelta))).isCloseTo(runningVariance,
                    org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void batchNormInputGradientMatchesFiniteDifferences() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 2, 4, 4);
        INDArray weights = Nd4j.randn(DataType.FLOAT, x.shape());
        Layer layer = instantiate(FastBatchNormalization.of(1e-5, 0.9), 2, true);
        layer.getParam(BatchNormalizationParamInitializer.GAMMA).assign(Nd4j.createFromArray(1.5f, -0.7f));
        layer.getParam(BatchNormalizationParamInitializer.BETA).assign(Nd4j.createFromArray(0.2f, 0.4f));
        layer.setInput(x, NO_WORKSPACES);
        layer.activate(true, NO_WORKSPACES);
        INDArray analytic = layer.backpropGradient(weights, NO_WORKSPACES).getSecond();
        double step = 1e-2;
        for (int index : new int[] {0, 7, 18, 33, 50, 95}) {
            double plus = weightedOutput(layer, x, index, step, weights);
            double minus = weightedOutput(layer, x, index, -step, weights);
            double numeric = (plus - minus) / (2 * step);
            assertThat(analytic.getDouble(index)).isCloseTo(numeric, org.assertj.core.data.Offset.offset(
                    2e-2 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void maxPoolingMatchesDl4jForStridedAndOverlappingWindows() {
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 4, 9, 8);
        for (int[] window : new int[][] {{2, 2}, {3, 2}, {3, 1}, {2, 1}}) {
            comparePooling(FastPooling.of(SubsamplingLayer.PoolingType.MAX, window[0], window[1]), x);
            comparePooling(FastPooling.of(SubsamplingLayer.PoolingType.AVG, window[0], window[1]), x);
        }
    }

    @Test
    void poolingSplitBetweenThreadsMatchesDl4j() {
        INDArray x = Nd4j.randn(DataType.FLOAT, 7, 9, 34, 31);
        assertThat(x.length()).isGreaterThan(KernelThreads.SMALLEST_PARALLEL_LENGTH);
        comparePooling(FastPooling.of(SubsamplingLayer.PoolingType.MAX, 2, 2), x);
        comparePooling(FastPooling.of(SubsamplingLayer.PoolingType.MAX, 3, 2), x);
    }

    @Test
    void maxPoolingGivesATieToTheFirstPositionInRowMajorOrder() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, 1, 2, 2);
        x.putScalar(new long[] {0, 0, 1, 0}, 1f);
        x.putScalar(new long[] {0, 0, 1, 1}, 1f);
        Layer layer = instantiate(FastPooling.of(SubsamplingLayer.PoolingType.MAX, 2, 2), 1, true);
        layer.setInput(x, NO_WORKSPACES);
        assertThat(layer.activate(true, NO_WORKSPACES).getFloat(0)).isEqualTo(1f);
        INDArray gradient = layer.backpropGradient(Nd4j.ones(DataType.FLOAT, 1, 1, 1, 1), NO_WORKSPACES).getSecond();
        assertThat(gradient.reshape(4).toFloatVector()).containsExactly(0f, 0f, 1f, 0f);
    }

    @Test
    void reluMatchesDl4jIncludingZeroInputs() {
        INDArray x = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5);
        x.putScalar(0, 0f);
        x.putScalar(7, 0f);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, x.shape());
        Pair<INDArray, INDArray> fast = run(instantiate(FastActivation.of(Activation.RELU), 3, true), x, epsilon);
        Pair<INDArray, INDArray> reference = run(instantiate(FastActivation.of(Activation.RELU), 3, false), x,
                epsilon);
        assertThat(fast.getFirst()).isEqualTo(reference.getFirst());
        assertThat(fast.getSecond()).isEqualTo(reference.getSecond());
    }

    @Test
    void denseMatchesDl4jOnOutputsAndEveryGradient() {
        for (boolean bias : new boolean[] {true, false}) {
            Layer fast = instantiate(FastDense.of(5, bias), 7, true);
            Layer reference = instantiate(FastDense.of(5, bias), 7, false);
            assertThat(fast).isInstanceOf(FastDenseLayer.class);
            assertThat(reference).isNotInstanceOf(FastDenseLayer.class);
            INDArray parameters = Nd4j.randn(DataType.FLOAT, fast.params().shape());
            fast.params().assign(parameters);
            reference.params().assign(parameters);
            INDArray x = Nd4j.randn(DataType.FLOAT, 6, 7);
            INDArray epsilon = Nd4j.randn(DataType.FLOAT, 6, 5);
            fast.setInput(x, NO_WORKSPACES);
            reference.setInput(x, NO_WORKSPACES);
            assertClose(fast.activate(true, NO_WORKSPACES), reference.activate(true, NO_WORKSPACES));
            Pair<Gradient, INDArray> fastGradient = fast.backpropGradient(epsilon, NO_WORKSPACES);
            Pair<Gradient, INDArray> referenceGradient = reference.backpropGradient(epsilon, NO_WORKSPACES);
            assertClose(fastGradient.getSecond(), referenceGradient.getSecond());
            assertThat(fastGradient.getFirst().gradientForVariable().keySet())
                    .isEqualTo(referenceGradient.getFirst().gradientForVariable().keySet());
            referenceGradient.getFirst().gradientForVariable().forEach((name, gradient) ->
                    assertClose(fastGradient.getFirst().getGradientFor(name), gradient));
        }
    }

    @Test
    void backwardWithoutATrainingForwardIsAnError() {
        Layer layer = instantiate(FastBatchNormalization.of(1e-5, 0.9), 2, true);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 2, 2, 2);
        layer.setInput(x, NO_WORKSPACES);
        layer.activate(false, NO_WORKSPACES);
        assertThatThrownBy(() -> layer.backpropGradient(x, NO_WORKSPACES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("training forward pass");
    }

    private static double weightedOutput(Layer layer, INDArray x, int index, double step, INDArray weights) {
        INDArray shifted = x.dup();
        shifted.putScalar(index, shifted.getDouble(index) + step);
        layer.setInput(shifted, NO_WORKSPACES);
        double value = layer.activate(true, NO_WORKSPACES).castTo(DataType.DOUBLE)
                .mul(weights.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        layer.setInput(x, NO_WORKSPACES);
        return value;
    }

    private void compareBatchNorm(INDArray x) {
        long channels = x.size(1);
        FastBatchNormalization configuration = FastBatchNormalization.of(1e-5, 0.9);
        Layer fast = instantiate(configuration, channels, true);
        Layer reference = instantiate(configuration, channels, false);
        assertThat(fast).isInstanceOf(FastBatchNormalizationLayer.class);
        assertThat(reference).isNotInstanceOf(FastBatchNormalizationLayer.class);
        INDArray parameters = Nd4j.rand(DataType.FLOAT, fast.params().shape()).addi(0.5);
        fast.params().assign(parameters);
        reference.params().assign(parameters);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, x.shape());

        fast.setInput(x, NO_WORKSPACES);
        reference.setInput(x, NO_WORKSPACES);
        assertClose(fast.activate(true, NO_WORKSPACES), reference.activate(true, NO_WORKSPACES));
        Pair<Gradient, INDArray> fastGradient = fast.backpropGradient(epsilon, NO_WORKSPACES);
        Pair<Gradient, INDArray> referenceGradient = reference.backpropGradient(epsilon, NO_WORKSPACES);
        assertClose(fastGradient.getSecond(), referenceGradient.getSecond());
        // Gamma, beta and the running mean's update; the running variance's differs by design (see above).
        for (String parameter : new String[] {BatchNormalizationParamInitializer.GAMMA,
                BatchNormalizationParamInitializer.BETA, BatchNormalizationParamInitializer.GLOBAL_MEAN}) {
            assertClose(fastGradient.getFirst().getGradientFor(parameter),
                    referenceGradient.getFirst().getGradientFor(parameter));
        }

        fast.setInput(x, NO_WORKSPACES);
        reference.setInput(x, NO_WORKSPACES);
        assertClose(fast.activate(false, NO_WORKSPACES), reference.activate(false, NO_WORKSPACES));
    }

    private void comparePooling(FastPooling configuration, INDArray x) {
        Layer fast = instantiate(configuration, x.size(1), true);
        Layer reference = instantiate(configuration, x.size(1), false);
        assertThat(fast).isInstanceOf(FastPoolingLayer.class);
        assertThat(reference).isNotInstanceOf(FastPoolingLayer.class);
        fast.setInput(x, NO_WORKSPACES);
        INDArray output = fast.activate(true, NO_WORKSPACES);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, output.shape());
        Pair<INDArray, INDArray> fastResult = run(fast, x, epsilon);
        Pair<INDArray, INDArray> referenceResult = run(reference, x, epsilon);
        assertClose(fastResult.getFirst(), referenceResult.getFirst());
        assertClose(fastResult.getSecond(), referenceResult.getSecond());
    }

    /** Output of a training forward pass and the input gradient for {@code epsilon}, both detached copies. */
    private static Pair<INDArray, INDArray> run(Layer layer, INDArray x, INDArray epsilon) {
        layer.setInput(x, NO_WORKSPACES);
        INDArray output = layer.activate(true, NO_WORKSPACES).dup();
        return new Pair<>(output, layer.backpropGradient(epsilon, NO_WORKSPACES).getSecond().dup());
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(1, expected.castTo(DataType.DOUBLE).amaxNumber().doubleValue());
        double difference = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber()
                .doubleValue();
        assertThat(difference).as("largest difference").isLessThan(2e-5 * scale);
    }

    /** The configuration's layer for {@code channels} input channels (and outputs, unless it sets them), fast or DL4J's, with parameters and gradient views. */
    private static Layer instantiate(org.deeplearning4j.nn.conf.layers.Layer configuration, long channels,
            boolean fast) {
        System.setProperty(FastLayers.DISABLE_PROPERTY, Boolean.toString(!fast));
        try {
            org.deeplearning4j.nn.conf.layers.Layer copy = configuration.clone();
            if (copy instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer feedForward) {
                feedForward.setNIn(channels);
                if (feedForward.getNOut() == 0) {
                    feedForward.setNOut(channels);
                }
            }
            NeuralNetConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).layer(copy)
                    .build();
            long count = copy.initializer().numParams(conf);
            INDArray parameters = count == 0 ? null : Nd4j.create(DataType.FLOAT, 1, count);
            Layer layer = copy.instantiate(conf, null, 0, parameters, true, DataType.FLOAT);
            if (count > 0) {
                layer.setBackpropGradientsViewArray(Nd4j.create(DataType.FLOAT, 1, count));
            }
            return layer;
        } finally {
            System.clearProperty(FastLayers.DISABLE_PROPERTY);
        }
    }
}
