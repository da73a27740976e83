package org.distill4j.kernel.engine;

import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchNormScaleL1Test {

    private static final double LEARNING_RATE = 0.05;
    private static final double LAMBDA = 0.3;

    @Test
    void oneStepMovesEveryBatchNormScaleByLearningRateTimesLambdaTimesItsSignAndNothingElse() {
        TrainableGraph plain = TinyNetworks.convolutional(1, 3, true);
        TrainableGraph sparse = TinyNetworks.convolutional(1, 3, true);
        // Scales of both signs, so that the sign matters.
        INDArray gammas = plain.getLayer("bn").getParam("gamma");
        for (int channel = 0; channel < gammas.length(); channel += 2) {
            gammas.putScalar(channel, -0.5);
        }
        sparse.getLayer("bn").getParam("gamma").assign(gammas);
        INDArray signs = Transforms.sign(gammas.dup());

        step(plain, TrainableGraph.UpdateHook.NONE);
        step(sparse, BatchNormScaleL1.of(LAMBDA, TrainableGraph.UpdateHook.NONE));

        INDArray difference = sparse.getLayer("bn").getParam("gamma").sub(plain.getLayer("bn").getParam("gamma"));
        INDArray expected = signs.mul(-LEARNING_RATE * LAMBDA);
        assertThat(difference.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(sparse.getLayer("bn").getParam("beta")).isEqualTo(plain.getLayer("bn").getParam("beta"));
        assertThat(sparse.getLayer("conv").params()).isEqualTo(plain.getLayer("conv").params());
    }

    @Test
    void zeroMeansNoHookAndNegativeIsRejected() {
        assertThat(BatchNormScaleL1.of(0, TrainableGraph.UpdateHook.NONE)).isSameAs(TrainableGraph.UpdateHook.NONE);
        assertThatThrownBy(() -> new BatchNormScaleL1(-1, TrainableGraph.UpdateHook.NONE))
                .hasMessageContaining("lambda must be a finite number > 0, got -1.0");
    }

    private static void step(TrainableGraph graph, TrainableGraph.UpdateHook hook) {
        Dataset data = TinyNetworks.data(3, 32, 0, 8, 5);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("energy", new FrozenLayersTest.ActivationEnergy(),
                1.0)), Map.of("logits", TensorShape.vector(3), "relu", TensorShape.map(4, 8, 8)), Map.of(), 3);
        TrainingSettings settings = new TrainingSettings(1, 32, new SgdOptimizer(new SgdParams(LEARNING_RATE, 0, false,
                0)), new ConstantSchedule(), Augmentation.NONE, Selection.LAST, false);
        new Trainer(ProgressListener.SILENT).train(graph, Optional.empty(), loss, data, settings, hook, 1);
    }
}
