package org.distill4j.testkit;

import org.distill4j.api.Distiller;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.distill4j.kernel.engine.Augmentation;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.Objective;
import org.distill4j.kernel.engine.ProgressListener;
import org.distill4j.kernel.engine.Selection;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.Trainer;
import org.distill4j.kernel.engine.TrainingOutcome;
import org.distill4j.kernel.engine.TrainingSettings;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Trains a tiny student with distillers through the real engine (graphs, SameDiff loss, updater). */
public final class TinyRun {

    /**
     * @param distillers       the student's objectives, summed with weight 1
     * @param teacher          a teacher spec, first trained with {@code teacherObjective}; empty for none
     * @param teacherObjective the teacher's own objective (cross-entropy, usually)
     */
    public static TrainingOutcome train(List<Distiller> distillers, NetworkSpec student, Optional<NetworkSpec> teacher,
            Distiller teacherObjective, Dataset data, int epochs, long seed) {
        Optional<TrainableGraph> teacherGraph = teacher.map(spec -> {
            CompiledLoss loss = compile(List.of(teacherObjective), spec, Map.of(), data.classes());
            TrainableGraph graph = graph(spec, loss, seed + 1);
            train(graph, loss, Optional.empty(), data, epochs, seed + 1);
            return graph;
        });
        CompiledLoss loss = compile(distillers, student, teacher.map(NetworkSpec::shapes).orElse(Map.of()), data.classes());
        return train(graph(student, loss, seed), loss, teacherGraph, data, epochs, seed);
    }

    private static CompiledLoss compile(List<Distiller> distillers, NetworkSpec spec,
            Map<String, TensorShape> teacherShapes, int classes) {
        List<Objective> objectives = distillers.stream()
                .map(distiller -> new Objective(distiller.getClass().getSimpleName(), distiller, 1.0)).toList();
        return CompiledLoss.compile(objectives, spec.shapes(), teacherShapes, classes);
    }

    private static TrainableGraph graph(NetworkSpec spec, CompiledLoss loss, long seed) {
        return GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec,
                GraphSettings.inference(seed).withTaps(loss.studentTaps()))), spec, seed);
    }

    private static TrainingOutcome train(TrainableGraph graph, CompiledLoss loss, Optional<TrainableGraph> teacher,
            Dataset data, int epochs, long seed) {
        TrainingSettings settings = new TrainingSettings(epochs, 32, new SgdOptimizer(new SgdParams(0.05, 0.9, false, 0)),
                new ConstantSchedule(), Augmentation.NONE, Selection.LAST, false);
        return new Trainer(ProgressListener.SILENT).train(graph, teacher, loss, data, settings,
                TrainableGraph.UpdateHook.NONE, seed);
    }

    private TinyRun() {
    }
}
