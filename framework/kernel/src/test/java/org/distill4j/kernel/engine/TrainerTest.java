package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainerTest {

    /** Cross-entropy, written here so the engine test does not depend on a plugin. */
    static final class CrossEntropy implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits"), graph.labels());
        }
    }

    /** Cross-entropy that reports the epoch the loss graph reads, and weighs the loss by it. */
    static final class EpochWeighted implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            graph.reportTerm("epoch", graph.epoch());
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits"), graph.labels()).mul(graph.epoch());
        }
    }

    private static final Map<String, TensorShape> SHAPES = Map.of(
            "logits", TensorShape.vector(3), "relu", TensorShape.map(4, 8, 8));

    @Test
    void trainingLearnsASeparableProblemAndReportsEveryEpoch() {
        Dataset data = TinyNetworks.data(3, 300, 60, 90, 7);
        TrainingOutcome outcome = train(data, 11, Selection.LAST);

        assertThat(outcome.epochs()).hasSize(4);
        assertThat(outcome.epochs().get(3).trainLoss()).isLessThan(outcome.epochs().get(0).trainLoss());
        assertThat(outcome.testAccuracy()).isGreaterThan(0.9);
        assertThat(outcome.selectedEpoch()).isEqualTo(4);
        assertThat(outcome.epochs()).allSatisfy(epoch -> assertThat(epoch.validationAccuracy()).isNotNull());
    }

    @Test
    void theSameSeedGivesIdenticalResultsAndAnotherSeedDifferentOnes() {
        Dataset data = TinyNetworks.data(3, 300, 60, 90, 7);
        TrainingOutcome first = train(data, 11, Selection.LAST);
        TrainingOutcome again = train(data, 11, Selection.LAST);
        TrainingOutcome other = train(data, 12, Selection.LAST);

        assertThat(again.epochs()).extracting(EpochRecord::trainLoss)
                .isEqualTo(first.epochs().stream().map(EpochRecord::trainLoss).toList());
        assertThat(other.epochs().get(0).trainLoss()).isNotEqualTo(first.epochs().get(0).trainLoss());
    }

    @Test
    void bestValidationSelectionKeepsTheBestValidationEpoch() {
        Dataset data = TinyNetworks.data(3, 300, 60, 90, 7);
        TrainingOutcome outcome = train(data, 11, Selection.BEST_VALIDATION);

        double best = outcome.epochs().stream().mapToDouble(EpochRecord::validationAccuracy).max().orElseThrow();
        assertThat(outcome.validationAccuracy()).isEqualTo(best);
        assertThat(outcome.epochs().get(outcome.selectedEpoch() - 1).validationAccuracy()).isEqualTo(best);
    }

    @Test
    void aLossThatBecomesNanStopsTrainingWithTheEpochBatchAndLearningRate() {
        Dataset data = TinyNetworks.data(3, 300, 60, 90, 7);

        // A learning rate of 1e6 sends the logits to infinity within a few steps.
        assertThatThrownBy(() -> train(data, 11, Selection.LAST, 1e6))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("training diverged: the loss is")
                .hasMessageContaining("at epoch 1/4, batch ")
                .hasMessageContaining("learning rate 1000000.0")
                .hasMessageContaining("lower training.optimizer.params.learning-rate")
                .satisfies(thrown -> assertThat(((TrainingDivergedException) thrown).epoch()).isEqualTo(1));
    }

    @Test
    void theLossReadsTheEpochCountedFromOne() {
        Dataset data = TinyNetworks.data(3, 96, 30, 30, 7);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("weighted", new EpochWeighted(), 1.0)), SHAPES,
                Map.of(), 3);
        TrainingSettings settings = new TrainingSettings(3, 32, new SgdOptimizer(new SgdParams(0.01, 0, false, 0)),
                new ConstantSchedule(), Augmentation.NONE, Selection.LAST, true);

        TrainingOutcome outcome = new Trainer(ProgressListener.SILENT).train(TinyNetworks.convolutional(11, 3, false),
                Optional.empty(), loss, data, settings, TrainableGraph.UpdateHook.NONE, 11);

        assertThat(outcome.epochs()).extracting(record -> record.terms().get("epoch")).containsExactly(1.0, 2.0, 3.0);
        Map<String, INDArray> logits = Map.of("logits", Nd4j.createFromArray(new float[][] {{1, 2, 0.5f}}));
        loss.setEpoch(1);
        double first = loss.evaluate(logits, Map.of(), new int[] {1}).loss();
        loss.setEpoch(4);
        assertThat(loss.evaluate(logits, Map.of(), new int[] {1}).loss()).isCloseTo(4 * first, within(1e-5));
        assertThatThrownBy(() -> loss.setEpoch(0)).hasMessage("epochs count from 1, got 0");
    }

    private static TrainingOutcome train(Dataset data, long seed, Selection selection) {
        return train(data, seed, selection, 0.05);
    }

    private static TrainingOutcome train(Dataset data, long seed, Selection selection, double learningRate) {
        TrainableGraph student = TinyNetworks.convolutional(seed, 3, false);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("cross-entropy", new CrossEntropy(), 1.0)),
                SHAPES, Map.of(), 3);
        TrainingSettings settings = new TrainingSettings(4, 32,
                new SgdOptimizer(new SgdParams(learningRate, 0.9, false, 5e-4)), new ConstantSchedule(),
                Augmentation.NONE, selection, true);
        return new Trainer(ProgressListener.SILENT).train(student, Optional.empty(), loss, data, settings,
                TrainableGraph.UpdateHook.NONE, seed);
    }
}
