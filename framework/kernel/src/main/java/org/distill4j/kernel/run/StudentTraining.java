package org.distill4j.kernel.run;

import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.Optimizer;
import org.distill4j.api.Retraining;
import org.distill4j.api.TrainingHook;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.descriptor.StudentSource;
import org.distill4j.kernel.descriptor.TrainedParameters;
import org.distill4j.kernel.descriptor.TrainingPlan;
import org.distill4j.kernel.descriptor.TrainingStage;
import org.distill4j.kernel.engine.Accuracy;
import org.distill4j.kernel.engine.BatchNormScaleL1;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.FileTrainerCheckpoint;
import org.distill4j.kernel.engine.FrozenLayers;
import org.distill4j.kernel.engine.PluginTrainingHook;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.TrainerCheckpoint;
import org.distill4j.kernel.engine.Trainer;
import org.distill4j.kernel.engine.TrainingOutcome;
import org.distill4j.kernel.engine.TrainingSettings;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The train-stages stage of a run: the earlier stages in order, then the main training, each from the weights the
 * one before left; and the retraining a compressor asks for between its steps, with the main training's plan.
 */
final class StudentTraining {

    private final ResolvedExperiment experiment;
    private final RunObjectives objectives;
    private final Optional<TrainableGraph> teacher;
    private final Map<String, TensorShape> teacherShapes;
    private final Dataset data;
    private final long seed;
    private final Path directory;
    private final RunComponents components;
    private final RunConsole console;
    private final String code;

    StudentTraining(ResolvedExperiment experiment, RunObjectives objectives, Optional<LoadedTeacher> teacher,
            Dataset data, long seed, Path directory, RunComponents components, RunConsole console, String code) {
        this.experiment = experiment;
        this.objectives = objectives;
        this.teacher = teacher.map(LoadedTeacher::network);
        this.teacherShapes = this.teacher.map(network -> TeacherLoader.shapes(network, objectives.teacherTaps(), data))
                .orElse(Map.of());
        this.data = data;
        this.seed = seed;
        this.directory = directory;
        this.components = components;
        this.console = console;
        this.code = code;
    }

    TrainedStudent train(MadeStudent made) {
        NetworkSpec spec = made.spec();
        TrainingPlan plan = experiment.training().orElseThrow();
        // Every loss is compiled before anything trains: a loss that reads a parameter no earlier stage trains fails
        // now, not after the stages before it.
        List<CompiledLoss> stageLosses = new ArrayList<>();
        for (int i = 0; i < experiment.stages().size(); i++) {
            stageLosses.add(CompiledLoss.compile(objectives.stages().get(i), spec.shapes(), teacherShapes,
                    data.classes()));
        }
        CompiledLoss loss = CompiledLoss.compile(objectives.main(), spec.shapes(), teacherShapes, data.classes());
        StageParameterHandOver handOver = new StageParameterHandOver(
                experiment.stages().stream().map(TrainingStage::name).toList(), stageLosses, loss);
        handOver.check();
        // Initialised as the family says, then overwritten by the starting weights of a compressed student.
        TrainableGraph student = GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec,
                GraphSettings.inference(seed).withTaps(objectives.studentTaps()))), spec, seed);
        made.weights().ifPresent(start -> NetworkWeights.copyMatching(start, new Network(spec, student)));
        PrintStream out = console.out();
        out.printf(Locale.ROOT, "   data %s: %d train / %d validation / %d test; student %s, %,d parameters%n",
                data.name(), data.train().size(), data.validation().size(), data.test().size(), spec.family(),
                spec.statistics().parameters());

        List<StageOutcome> stages = new ArrayList<>();
        int count = experiment.stages().size() + 1;
        for (int i = 0; i < experiment.stages().size(); i++) {
            stages.add(trainStage(i, count, student, spec, made.training(), stageLosses.get(i)));
            handOver.handOver(i);
        }
        if (!experiment.stages().isEmpty()) {
            out.printf(Locale.ROOT, "   stage %d of %d: main training%n", count, count);
        }
        // The make-student stage's hook (unstructured pruning's masks) holds through every stage of the training.
        TrainingOutcome outcome = new Trainer(console.progress(directory, "train")).train(student, teacher, loss, data,
                settings(plan), PluginTrainingHook.start(made.training(), student, BatchNormScaleL1.of(
                        plan.batchNormL1(), TrainableGraph.UpdateHook.NONE)), seed, checkpoint("train"));
        return new TrainedStudent(student, outcome, stages);
    }

    private StageOutcome trainStage(int index, int count, TrainableGraph student, NetworkSpec spec,
            TrainingHook training, CompiledLoss loss) {
        TrainingStage stage = experiment.stages().get(index);
        TrainableGraph.UpdateHook frozen = stage.trained() == TrainedParameters.TAPS
                ? FrozenLayers.outside(student, trainedTaps(loss, spec))
                : TrainableGraph.UpdateHook.NONE;
        console.out().printf(Locale.ROOT, "   stage %d of %d: %s, %d epochs, trains %s%n", index + 1, count,
                stage.name(), stage.training().epochs(),
                frozen instanceof FrozenLayers layers && !layers.frozen().isEmpty()
                        ? "all but " + String.join(", ", layers.frozen()) : "every layer");
        TrainingOutcome outcome = new Trainer(console.progress(directory, stage.name())).train(student, teacher, loss,
                data, settings(stage.training()), PluginTrainingHook.start(training, student,
                        BatchNormScaleL1.of(stage.training().batchNormL1(), frozen)), seed, checkpoint(stage.name()));
        return new StageOutcome(stage.name(), outcome);
    }

    /**
     * One retraining of a compressor's network (a pruning round): a graph with the taps of the main objectives gets
     * the network's weights, trains with the run's main plan, its schedule from the start, and the hook, and its
     * weights go back into the network. Stages are not repeated: they prepare a student, not a pruning round.
     */
    Retraining retrain(Network network, TrainingHook training, String label) {
        TrainingPlan plan = experiment.training().orElseThrow(() -> new IllegalStateException("the compressor "
                + ((StudentSource.Compressed) experiment.student()).compressor().name() + " retrains the student"
                + " between its steps, with the run's training; add a 'training' section (and a distiller) to "
                + experiment.id()));
        NetworkSpec spec = network.spec();
        TrainableGraph graph = GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec,
                GraphSettings.inference(seed).withTaps(RunObjectives.studentTaps(objectives.main())))), spec, seed);
        Network trained = new Network(spec, graph);
        NetworkWeights.copyMatching(network, trained);
        TrainableGraph.UpdateHook hook = PluginTrainingHook.start(training, graph, BatchNormScaleL1.of(
                plan.batchNormL1(), TrainableGraph.UpdateHook.NONE));
        CompiledLoss loss = CompiledLoss.compile(objectives.main(), spec.shapes(), teacherShapes, data.classes());
        // Each retraining draws its own batch order; the label keeps it reproducible.
        TrainingOutcome outcome = new Trainer(console.progress(directory, label)).train(graph, teacher, loss, data,
                settings(plan), hook, seed ^ label.hashCode(), checkpoint(label));
        NetworkWeights.copyMatching(trained, network);
        double validation = data.validation().size() == 0 ? Double.NaN : Accuracy.of(graph, data.validation());
        return new Retraining(plan.epochs(), Accuracy.of(graph, data.test()), validation, outcome.seconds());
    }

    /**
     * The vertices whose layers a {@code train: taps} stage updates (with every layer before them): its student
     * taps, and the logits when it reads an input gradient, which depends on every layer up to them.
     */
    private static Set<String> trainedTaps(CompiledLoss stageLoss, NetworkSpec spec) {
        Set<String> taps = new LinkedHashSet<>(stageLoss.studentTaps());
        if (!stageLoss.inputGradientTaps().isEmpty()) {
            taps.add(spec.output());
        }
        return taps;
    }

    /**
     * Where one training of the run keeps its state at the end of each epoch: a run killed mid-way goes on from
     * there. A checkpoint belongs to this experiment, seed, training and code; the runner removes them once DONE.
     */
    private TrainerCheckpoint checkpoint(String training) {
        return new FileTrainerCheckpoint(directory.resolve(RunStore.CHECKPOINTS).resolve(training + ".checkpoint"),
                experiment.id() + " " + experiment.hash12() + " seed " + seed + " " + training + " at " + code,
                line -> console.out().println("   " + training + ": " + line));
    }

    private TrainingSettings settings(TrainingPlan plan) {
        return new TrainingSettings(plan.epochs(), plan.batchSize(), components.create(plan.optimizer().choice(),
                Optimizer.class), components.create(plan.schedule().choice(), LearningRateSchedule.class),
                plan.augmentation(),
                plan.select(), plan.evaluateTestEveryEpoch(), plan.sampler());
    }
}
