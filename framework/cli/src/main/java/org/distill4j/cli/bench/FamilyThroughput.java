package org.distill4j.cli.bench;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.Objective;
import org.distill4j.kernel.engine.StudentStep;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.plugin.hintonkd.HintonKdCrossEntropyDistiller;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * Images per second of a model family: training as {@code Trainer} trains a student on hard labels (a
 * cross-entropy {@link StudentStep} with SGD momentum and weight decay), and inference of the logits
 * ({@link TrainableGraph#infer}), each at the median step time.
 */
final class FamilyThroughput {

    private final StepTimer timer;

    FamilyThroughput(StepTimer timer) {
        this.timer = timer;
    }

    FamilyResult measure(FamilyWorkload workload, InputShape input, int batch) {
        NetworkSpec spec = workload.family().specify(input, BenchInputs.CLASSES);
        CompiledLoss loss = CompiledLoss.compile(
                List.of(new Objective("cross-entropy", new HintonKdCrossEntropyDistiller(), 1.0)),
                spec.shapes(), Map.of(), BenchInputs.CLASSES);
        TrainableGraph graph = BenchGraphs.trainable(spec, loss.studentTaps());
        StudentStep step = new StudentStep(graph, loss);
        TrainableGraph.UpdateHook hook = BenchGraphs.hook(graph);
        INDArray features = BenchInputs.features(input, batch);
        int[] labels = BenchInputs.labels(batch);
        Timing training = timer.time(() -> step.run(features, Map.of(), labels, hook));
        List<String> logits = List.of(NetworkSpec.LOGITS);
        Timing inference = timer.time(() -> TrainableGraph.release(graph.infer(features, logits).values()));
        return new FamilyResult(workload.name(), BenchInputs.name(input), batch, spec.statistics().parameters(),
                training, inference);
    }
}
