package org.distill4j.kernel.engine;

import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A training stopped after an epoch and started again from its checkpoint ends exactly where one that never stopped
 * ends: the same parameters to the last bit and the same epoch records, with dropout, batch norm, augmentation,
 * momentum and weight decay all drawing on the state that was kept.
 */
class TrainerResumeTest {

    private static final int EPOCHS = 4;

    @Test
    void aTrainingResumedFromItsCheckpointEndsExactlyAsOneThatNeverStopped(@TempDir Path directory) {
        Dataset data = TinyNetworks.data(3, 96, 24, 24, 5);
        TrainableGraph uninterrupted = network();
        TrainingOutcome expected = train(uninterrupted, data, TrainerCheckpoint.NONE);

        Path file = directory.resolve("train.checkpoint");
        List<String> said = new ArrayList<>();
        TrainerCheckpoint kept = new FileTrainerCheckpoint(file, "test seed 7", said::add);
        TrainableGraph killed = network();
        assertThatThrownBy(() -> train(killed, data, new Killed(kept, 2))).isInstanceOf(Killed.Kill.class);
        TrainableGraph restarted = network();
        TrainingOutcome resumed = train(restarted, data, kept);

        assertThat(said).containsExactly("resuming from the checkpoint after epoch 2 (train.checkpoint)");
        assertThat(restarted.params()).isEqualTo(uninterrupted.params());
        assertThat(values(resumed)).isEqualTo(values(expected));
        assertThat(resumed.selectedEpoch()).isEqualTo(expected.selectedEpoch());
    }

    @Test
    void aCheckpointOfAnotherIdentityIsDiscardedWithTheReason(@TempDir Path directory) {
        Dataset data = TinyNetworks.data(3, 96, 24, 24, 5);
        Path file = directory.resolve("train.checkpoint");
        train(network(), data, new FileTrainerCheckpoint(file, "old code", line -> { }));
        List<String> said = new ArrayList<>();

        train(network(), data, new FileTrainerCheckpoint(file, "new code", said::add));

        assertThat(said).containsExactly("the checkpoint train.checkpoint was written for old code, not new code (the"
                + " code or the descriptor changed); starting over");
    }

    /** A dense network with batch norm and dropout, built as runs build theirs (the CPU backend's fast layers). */
    private static TrainableGraph network() {
        NetworkSpec spec = new NetworkSpec("resume", new InputShape(1, 8, 8), List.of(
                new NodeSpec.Dense("hidden", NetworkSpec.INPUT, 32, true),
                new NodeSpec.BatchNorm("bn", "hidden"),
                new NodeSpec.Relu("relu", "bn"),
                new NodeSpec.Dropout("dropout", "relu", 0.3),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "dropout", 3, true)));
        return GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec, GraphSettings.inference(7))),
                spec, 7);
    }

    private static TrainingOutcome train(TrainableGraph student, Dataset data, TrainerCheckpoint checkpoint) {
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("cross-entropy", new TrainerTest.CrossEntropy(),
                1.0)), Map.of("logits", TensorShape.vector(3)), Map.of(), 3);
        TrainingSettings settings = new TrainingSettings(EPOCHS, 16,
                new SgdOptimizer(new SgdParams(0.05, 0.9, true, 5e-4)), new ConstantSchedule(),
                new Augmentation(1, true), Selection.BEST_VALIDATION, true);
        return new Trainer(ProgressListener.SILENT).train(student, Optional.empty(), loss, data, settings,
                TrainableGraph.UpdateHook.NONE, 11, checkpoint);
    }

    /** The values of each epoch's record that the same seed reproduces (not its times). */
    private static List<List<Object>> values(TrainingOutcome outcome) {
        return outcome.epochs().stream().map(record -> List.<Object>of(record.epoch(), record.learningRate(),
                record.trainLoss(), record.trainAccuracy(), String.valueOf(record.validationAccuracy()),
                String.valueOf(record.testAccuracy()))).toList();
    }

    /** A checkpoint whose process is killed right after the given epoch was kept. */
    private record Killed(TrainerCheckpoint kept, int afterEpoch) implements TrainerCheckpoint {

        @Override
        public Optional<TrainerState> load() {
            return kept.load();
        }

        @Override
        public void save(TrainerState state) {
            kept.save(state);
            if (state.completedEpochs() == afterEpoch) {
                throw new Kill();
            }
        }

        static final class Kill extends RuntimeException {
        }
    }
}
