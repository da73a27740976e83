package org.distill4j.kernel.engine;

import org.deeplearning4j.util.ModelSerializer;
import org.distill4j.api.ScheduleStep;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.CosineParams;
import org.distill4j.kernel.builtin.CosineSchedule;
import org.distill4j.kernel.builtin.MultiStepParams;
import org.distill4j.kernel.builtin.MultiStepSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The learning rate of every iteration equals PyTorch's scheduler stepped the same way. Values by hand for base rate
 * 0.1, 2 epochs of 3 batches: {@code CosineAnnealingLR(T_max=6)} stepped per batch gives
 * {@code 0.05 (1 + cos(pi t / 6))}; stepped per epoch ({@code T_max=2}) 0.1 then 0.05.
 */
class ScheduleStepTest {

    private static final SgdOptimizer SGD = new SgdOptimizer(new SgdParams(0.1, 0, false, 0));

    private static final double[] COSINE_PER_ITERATION = {0.1, 0.09330127018922194, 0.075, 0.05, 0.025,
            0.006698729810778065};

    @Test
    void cosineSteppedPerIterationFollowsCosineAnnealingLrOverEveryBatch() {
        ISchedule rates = Updaters.schedule(SGD, new CosineSchedule(new CosineParams(0, ScheduleStep.ITERATION)), 2, 3);
        for (int iteration = 0; iteration < 6; iteration++) {
            assertThat(rates.valueAt(iteration, iteration / 3)).isCloseTo(COSINE_PER_ITERATION[iteration], within(1e-12));
        }
    }

    @Test
    void cosineSteppedPerEpochKeepsOneRateThroughAnEpoch() {
        ISchedule rates = Updaters.schedule(SGD, new CosineSchedule(new CosineParams(0)), 2, 3);
        for (int iteration = 0; iteration < 6; iteration++) {
            assertThat(rates.valueAt(iteration, iteration / 3)).isCloseTo(iteration < 3 ? 0.1 : 0.05, within(1e-12));
        }
    }

    @Test
    void cosineWithMinimumFactorEndsAboveEtaMin() {
        // eta_min = 0.1 * 0.1 = 0.01: 0.01 + 0.09 (1 + cos(pi t / 6)) / 2.
        ISchedule rates = Updaters.schedule(SGD, new CosineSchedule(new CosineParams(0.1, ScheduleStep.ITERATION)), 2, 3);
        assertThat(rates.valueAt(3, 1)).isCloseTo(0.055, within(1e-12));
        assertThat(rates.valueAt(5, 1)).isCloseTo(0.01 + 0.045 * (1 + Math.cos(5 * Math.PI / 6)), within(1e-12));
    }

    @Test
    void multiStepSteppedPerIterationCountsMilestonesInIterations() {
        // MultiStepLR(milestones=[2, 4], gamma=0.1) stepped per batch: 0.1, 0.1, 0.01, 0.01, 0.001, 0.001.
        ISchedule rates = Updaters.schedule(SGD,
                new MultiStepSchedule(new MultiStepParams(List.of(2, 4), 0.1, ScheduleStep.ITERATION)), 2, 3);
        double[] expected = {0.1, 0.1, 0.01, 0.01, 0.001, 0.001};
        for (int iteration = 0; iteration < 6; iteration++) {
            assertThat(rates.valueAt(iteration, iteration / 3)).isCloseTo(expected[iteration], within(1e-12));
        }
    }

    @Test
    void multiStepSteppedPerEpochCountsMilestonesInEpochs() {
        ISchedule rates = Updaters.schedule(SGD, new MultiStepSchedule(new MultiStepParams(List.of(1), 0.1)), 2, 3);
        assertThat(rates.valueAt(2, 0)).isCloseTo(0.1, within(1e-12));
        assertThat(rates.valueAt(3, 1)).isCloseTo(0.01, within(1e-12));
    }

    /**
     * The rate DL4J's updater really applies at each step of a graph: with plain SGD the change of a weight is
     * {@code lr * gradient}, read around each update.
     */
    @Test
    void theGraphsUpdaterAppliesTheRateOfItsIterationCount() {
        TrainableGraph graph = TinyNetworks.convolutional(5, 3, false);
        Updaters.configure(graph, SGD, new CosineSchedule(new CosineParams(0, ScheduleStep.ITERATION)), 2, 3);
        graph.getConfiguration().setIterationCount(0);
        var data = TinyNetworks.data(3, 8, 0, 0, 5).train();
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("ce", new TrainerTest.CrossEntropy(), 1.0)),
                Map.of("logits", TensorShape.vector(3)), Map.of(), 3);
        List<Double> applied = new ArrayList<>();
        TrainableGraph.UpdateHook recorder = new TrainableGraph.UpdateHook() {
            private INDArray weight;
            private INDArray gradient;

            @Override
            public void beforeUpdate(TrainableGraph network, org.deeplearning4j.nn.gradient.Gradient step) {
                weight = network.getLayer("logits").getParam("W").dup();
                gradient = step.getGradientFor("logits_W").dup();
            }

            @Override
            public void afterUpdate(TrainableGraph network) {
                INDArray change = weight.sub(network.getLayer("logits").getParam("W"));
                int largest = gradient.reshape(gradient.length()).argMax(0).getInt(0);
                applied.add(change.reshape(change.length()).getDouble(largest)
                        / gradient.reshape(gradient.length()).getDouble(largest));
            }
        };
        for (int iteration = 0; iteration < 6; iteration++) {
            graph.setEpoch(iteration / 3);
            int[] labels = data.labels();
            graph.step(data.features(), outputs -> new INDArray[] {loss.evaluate(Map.of("logits",
                    outputs.get("logits")), Map.of(), labels).gradients().get("logits")}, recorder);
        }
        for (int iteration = 0; iteration < 6; iteration++) {
            assertThat(applied.get(iteration)).isCloseTo(COSINE_PER_ITERATION[iteration], within(1e-5));
        }
    }

    @Test
    void aGraphWithAPerIterationScheduleSavesAndLoads() throws IOException {
        TrainableGraph graph = TinyNetworks.convolutional(5, 3, false);
        Updaters.configure(graph, SGD, new CosineSchedule(new CosineParams(0, ScheduleStep.ITERATION)), 2, 3);
        File file = Files.createTempFile("iteration-schedule", ".zip").toFile();
        try {
            ModelSerializer.writeModel(graph, file, false);
            ComputationGraph loaded = ModelSerializer.restoreComputationGraph(file, false);
            assertThat(loaded.params()).isEqualTo(graph.params());
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }
}
