package org.distill4j.kernel.engine;

import org.distill4j.api.WeightDecayScope;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.AdamOptimizer;
import org.distill4j.kernel.builtin.AdamParams;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.distill4j.api.Optimizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Weight decay reaches what PyTorch's optimizer over {@code model.parameters()} reaches, and never running statistics. */
class WeightDecayTest {

    private static final List<String> TRAINABLE = List.of("conv_W", "conv_b", "bn_gamma", "bn_beta", "logits_W", "logits_b");

    /** The decay mask read back through each parameter's view. */
    private static Map<String, INDArray> maskByParameter(TrainableGraph graph, WeightDecayScope scope) {
        INDArray mask = WeightDecay.mask(graph, scope);
        INDArray saved = graph.params().dup();
        graph.params().assign(mask);
        Map<String, INDArray> table = Map.copyOf(graph.paramTable(false));
        Map<String, INDArray> copies = new java.util.LinkedHashMap<>();
        table.forEach((name, values) -> copies.put(name, values.dup()));
        graph.params().assign(saved);
        return copies;
    }

    @Test
    void allCoversWeightsBiasesGammaAndBetaButNotRunningStatistics() {
        TrainableGraph graph = TinyNetworks.convolutional(1, 3, false);
        Updaters.configure(graph, new SgdOptimizer(new SgdParams(0.1, 0, false, 0.5)), new ConstantSchedule(), 1);
        Map<String, INDArray> mask = maskByParameter(graph, WeightDecayScope.ALL);
        for (String name : TRAINABLE) {
            assertThat(mask.get(name).minNumber().doubleValue()).as(name).isEqualTo(1);
        }
        assertThat(mask.get("bn_mean").maxNumber().doubleValue()).isZero();
        assertThat(mask.get("bn_log10stdev").maxNumber().doubleValue()).isZero();
        assertThat(mask.keySet()).containsExactlyInAnyOrder("conv_W", "conv_b", "bn_gamma", "bn_beta", "bn_mean",
                "bn_log10stdev", "logits_W", "logits_b");
    }

    @Test
    void narrowerScopesLeaveOutBatchNormAndThenBiases() {
        TrainableGraph graph = TinyNetworks.convolutional(1, 3, false);
        Updaters.configure(graph, new SgdOptimizer(new SgdParams(0.1, 0, false, 0.5)), new ConstantSchedule(), 1);
        Map<String, INDArray> weightsAndBiases = maskByParameter(graph, WeightDecayScope.WEIGHTS_AND_BIASES);
        assertThat(weightsAndBiases.get("conv_b").minNumber().doubleValue()).isEqualTo(1);
        assertThat(weightsAndBiases.get("bn_gamma").maxNumber().doubleValue()).isZero();
        assertThat(weightsAndBiases.get("bn_beta").maxNumber().doubleValue()).isZero();
        Map<String, INDArray> weights = maskByParameter(graph, WeightDecayScope.WEIGHTS);
        assertThat(weights.get("conv_W").minNumber().doubleValue()).isEqualTo(1);
        assertThat(weights.get("logits_W").minNumber().doubleValue()).isEqualTo(1);
        assertThat(weights.get("conv_b").maxNumber().doubleValue()).isZero();
        assertThat(weights.get("logits_b").maxNumber().doubleValue()).isZero();
        assertThat(weights.get("bn_gamma").maxNumber().doubleValue()).isZero();
    }

    /**
     * One plain SGD step with and without decay from the same parameters and batch: the difference is
     * {@code lr * wd * p} on every trainable parameter (PyTorch: {@code p -= lr * (g + wd * p)}), and none on the
     * running statistics, which the forward pass alone moves.
     */
    @Test
    void aStepSubtractsLearningRateTimesDecayTimesTheParameter() {
        double learningRate = 0.1;
        double decay = 0.5;
        TrainableGraph decayed = TinyNetworks.convolutional(2, 3, false);
        TrainableGraph plain = TinyNetworks.convolutional(2, 3, false);
        INDArray before = decayed.params().dup();
        Optimizer sgd = new SgdOptimizer(new SgdParams(learningRate, 0, false, decay));
        Updaters.configure(decayed, sgd, new ConstantSchedule(), 1);
        Updaters.configure(plain, sgd, new ConstantSchedule(), 1);
        step(decayed, WeightDecay.of(decayed, sgd, TrainableGraph.UpdateHook.NONE));
        step(plain, TrainableGraph.UpdateHook.NONE);

        INDArray difference = plain.params().sub(decayed.params());
        INDArray mask = WeightDecay.mask(decayed, WeightDecayScope.ALL);
        INDArray expected = before.mul(mask).muli(learningRate * decay);
        assertThat(difference.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(expected.amaxNumber().doubleValue()).isGreaterThan(1e-3);
    }

    /**
     * PyTorch's Adam adds {@code wd * p} to the gradient before the moments, as for SGD: with a zero loss gradient
     * the first step moves every decayed parameter by about {@code lr * sign(p)} and leaves the others.
     */
    @Test
    void adamDecaysThroughTheGradientAsPytorchsAdam() {
        double learningRate = 1e-3;
        TrainableGraph graph = TinyNetworks.convolutional(3, 3, false);
        INDArray before = graph.params().dup();
        Optimizer adam = new AdamOptimizer(new AdamParams(learningRate, 0.9, 0.999, 1e-8, 0.1));
        Updaters.configure(graph, adam, new ConstantSchedule(), 1);
        zeroGradientStep(graph, WeightDecay.of(graph, adam, TrainableGraph.UpdateHook.NONE));
        Map<String, INDArray> after = graph.paramTable(false);
        INDArray gamma = after.get("bn_gamma");
        assertThat(gamma.sub(1 - learningRate).amaxNumber().doubleValue()).isCloseTo(0, within(1e-5));
        graph.params().assign(before);
    }

    private static void step(TrainableGraph graph, TrainableGraph.UpdateHook hook) {
        var data = TinyNetworks.data(3, 8, 0, 0, 5).train();
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("ce", new TrainerTest.CrossEntropy(), 1.0)),
                Map.of("logits", TensorShape.vector(3)), Map.of(), 3);
        int[] labels = data.labels();
        graph.step(data.features(), outputs -> new INDArray[] {
                loss.evaluate(Map.of("logits", outputs.get("logits")), Map.of(), labels).gradients().get("logits")},
                hook);
    }

    private static void zeroGradientStep(TrainableGraph graph, TrainableGraph.UpdateHook hook) {
        var data = TinyNetworks.data(3, 8, 0, 0, 5).train();
        graph.step(data.features(), outputs -> new INDArray[] {outputs.get("logits").mul(0)}, hook);
    }
}
