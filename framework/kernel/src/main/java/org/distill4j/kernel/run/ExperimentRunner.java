package org.distill4j.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.util.ModelSerializer;
import org.distill4j.api.Aligner;
import org.distill4j.api.Compressor;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradients;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.Optimizer;
import org.distill4j.api.Retraining;
import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.descriptor.ComponentChoice;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.descriptor.TrainedParameters;
import org.distill4j.kernel.descriptor.TrainingPlan;
import org.distill4j.kernel.descriptor.TrainingStage;
import org.distill4j.kernel.descriptor.WeightedDistiller;
import org.distill4j.kernel.engine.Accuracy;
import org.distill4j.kernel.engine.BatchNormSparsity;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.FrozenLayers;
import org.distill4j.kernel.engine.Objective;
import org.distill4j.kernel.engine.ProgressListener;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.Trainer;
import org.distill4j.kernel.engine.TrainingOutcome;
import org.distill4j.kernel.engine.TrainingSettings;
import org.distill4j.kernel.engine.WeightMasks;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.retrieval.RetrievalData;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphNetworkFactory;
import org.distill4j.models.graph.GraphSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one (descriptor, seed): trains or reuses its teacher, loads the data, builds the student, trains it with the
 * descriptor's objectives and writes the run directory, {@code DONE} last. A run that is already DONE is not
 * trained again.
 */
public final class ExperimentRunner {

    private final ComponentFactory components;
    private final ComponentRegistry registry;
    private final RunStore store;
    private final PrintStream out;
    private final boolean terminal;
    private final GitState git;
    private final TeacherLoader teachers;
    private final NetworkFactory networks = new GraphNetworkFactory();

    public ExperimentRunner(ComponentFactory components, ComponentRegistry registry, RunStore store, PrintStream out,
            boolean terminal) {
        this.components = components;
        this.registry = registry;
        this.store = store;
        this.out = out;
        this.terminal = terminal;
        this.git = GitState.of(Path.of("").toAbsolutePath());
        this.teachers = new TeacherLoader(store, (teacher, seed) -> run(teacher, seed, true));
    }

    public RunStore store() {
        return store;
    }

    /** The run of the experiment with this seed, trained now unless it is already DONE. */
    public RunResult run(ResolvedExperiment experiment, long seed) {
        return run(experiment, seed, false);
    }

    private RunResult run(ResolvedExperiment experiment, long seed, boolean needModel) {
        Path directory = store.runDirectory(experiment.id(), experiment.hash12(), seed);
        try (RunStore.RunLock lock = store.lock(directory)) {
            if (RunStore.isDone(directory)) {
                if (needModel && !Files.isRegularFile(directory.resolve(RunStore.MODEL))) {
                    rebuildModel(experiment, seed, directory);
                }
                return new RunResult(experiment.id(), seed, directory, true, Json.read(directory.resolve(RunStore.METRICS)));
            }
            RunStore.clear(directory);
            JsonNode metrics = train(experiment, seed, directory);
            RunStore.markDone(directory);
            return new RunResult(experiment.id(), seed, directory, false, metrics);
        }
    }

    /**
     * The records of a run are committed to git but its model file is not; a student that needs the model as its
     * teacher retrains it deterministically beside the records and checks that the metrics come out the same.
     */
    private void rebuildModel(ResolvedExperiment experiment, long seed, Path directory) {
        out.println("rebuilding the model of " + experiment.id() + " seed " + seed + " (its records are kept)");
        Path rebuild = directory.resolve("rebuild");
        try {
            Files.createDirectories(rebuild);
            RunStore.clear(rebuild);
            JsonNode metrics = train(experiment, seed, rebuild);
            JsonNode recorded = Json.read(directory.resolve(RunStore.METRICS));
            if (!metrics.equals(recorded)) {
                out.println("WARNING: the rebuilt model of " + experiment.id() + " seed " + seed
                        + " does not reproduce its recorded metrics (other backend or thread count?); recorded test accuracy "
                        + recorded.path("test-accuracy") + ", rebuilt " + metrics.path("test-accuracy"));
                AtomicFiles.write(directory.resolve("model-rebuild.json"), Json.pretty(metrics));
            }
            AtomicFiles.move(rebuild.resolve(RunStore.MODEL), directory.resolve(RunStore.MODEL));
            RunStore.clear(rebuild);
            Files.delete(rebuild);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the model in " + rebuild + ": " + e.getMessage(), e);
        }
    }

    private JsonNode train(ResolvedExperiment experiment, long seed, Path directory) {
        Instant started = Instant.now();
        String label = experiment.id() + " seed " + seed;
        out.println("== " + label + (experiment.profile().isEmpty() ? "" : " [" + experiment.profile() + "]")
                + " -> " + store.root().relativize(directory.toAbsolutePath()));
        Dataset loaded = create(experiment.dataset(), DatasetSource.class)
                .load(new DataContext(seed, experiment.source().toAbsolutePath().getParent()));
        // A retrieval task trains on some classes and is evaluated by retrieval among the test images of the others.
        Optional<RetrievalData> retrieval = experiment.retrieval().map(task -> RetrievalData.of(loaded, task));
        Dataset data = retrieval.map(RetrievalData::training).orElse(loaded);
        // An aligner that asks for more images than the split holds is rejected before its teacher is trained.
        Optional<Aligner> aligner = experiment.aligner().map(choice -> create(choice, Aligner.class));
        aligner.ifPresent(chosen -> RunCompressionContext.check(chosen.samples(), data));
        LoadedTeacher teacher = experiment.teacher().map(choice -> teachers.load(choice, seed)).orElse(null);
        ModelFamily family = create(experiment.studentModel(), ModelFamily.class);
        // A derived family designs the student from a trained network: its source run, trained first if not DONE.
        Optional<DerivedStudent> derived = experiment.studentSource().map(source -> DerivedStudent.design(family,
                source, teachers.load(source, seed), create(source.experiment().studentModel(), ModelFamily.class),
                data, seed, out));
        NetworkSpec architecture = derived.map(DerivedStudent::spec)
                .orElseGet(() -> family.specify(data.shape(), data.classes()));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        List<List<Objective>> stageObjectives = new ArrayList<>();
        experiment.stages().forEach(stage -> stageObjectives.add(objectives(stage.distillers())));
        List<Objective> objectives = objectives(experiment.distillers());
        List<Objective> everyObjective = new ArrayList<>(objectives);
        stageObjectives.forEach(everyObjective::addAll);
        Set<String> teacherTaps = new LinkedHashSet<>();
        Set<String> studentTaps = new LinkedHashSet<>();
        everyObjective.forEach(objective -> {
            teacherTaps.addAll(objective.distiller().teacherTaps());
            studentTaps.addAll(objective.distiller().studentTaps());
        });
        Map<String, TensorShape> teacherShapes = teacher == null ? Map.of()
                : TeacherLoader.shapes(teacher.network(), teacherTaps, data);
        Optional<TrainableGraph> teacherNetwork = Optional.ofNullable(teacher).map(LoadedTeacher::network);
        RunCompressionContext.Retrainer retrainer = experiment.training().isEmpty()
                ? (network, masks, name) -> {
                    throw new IllegalStateException("the compressor " + experiment.compressor().map(
                            ComponentChoice::name).orElse("") + " retrains the student between its steps, with the"
                            + " run's training; add a 'training' section (and a distiller) to " + experiment.id());
                }
                : (network, masks, name) -> retrain(network, masks, name, objectives, teacherNetwork, teacherShapes,
                        data, experiment.training().orElseThrow(), seed, directory);
        Optional<CompressedStudent> compressed = experiment.compressor().map(compressor -> CompressedStudent.make(
                architecture, teacher.network(), create(compressor, Compressor.class), compressor.name(),
                aligner,
                experiment.aligner().map(ComponentChoice::name).orElse(""), data, seed, networks, out, retrainer));
        NetworkSpec spec = compressed.map(student -> student.network().spec()).orElse(architecture);
        Double teacherAccuracy = teacher == null || data.test().size() == 0 ? null
                : Accuracy.of(teacher.network(), data.test());
        if (experiment.training().isEmpty()) {
            CompressedStudent student = compressed.orElseThrow();
            TrainableGraph network = TrainableGraph.of(student.network().graph());
            double testAccuracy = Accuracy.of(network, data.test());
            double validationAccuracy = Accuracy.of(network, data.validation());
            out.printf(Locale.ROOT, "   test accuracy %.2f%% (no training); teacher %.2f%%%n", 100 * testAccuracy,
                    100 * teacherAccuracy);
            return record(experiment, seed, directory, started, network, data, teacher,
                    RunRecords.untrainedMetrics(experiment, seed, spec, testAccuracy, validationAccuracy, teacher,
                            teacherAccuracy, student.metrics()), student.provenance(), 0);
        }
        CompiledLoss loss = CompiledLoss.compile(objectives, spec.shapes(), teacherShapes, data.classes());

        // One graph outputs the taps of every stage; a stage's loss gives zero gradient to the taps it does not read.
        // The reserved input-gradient taps are no vertices: the step computes them.
        studentTaps.removeIf(InputGradients::isInputGradient);
        // A retrieval task reads the embedding even when no loss does; as an output it stays in every forward pass.
        experiment.retrieval().ifPresent(task -> studentTaps.add(task.embedding()));
        GraphSettings graphSettings = GraphSettings.inference(seed).withTaps(studentTaps);
        // Initialised as the family says, then overwritten by the compressed weights for a compressed student.
        TrainableGraph student = GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec, graphSettings)),
                spec, seed);
        compressed.ifPresent(start -> NetworkWeights.copyMatching(start.network(), new Network(spec, student)));
        // Unstructured pruning's masks hold through every stage of the student's training.
        Map<String, INDArray> masks = compressed.map(CompressedStudent::masks).orElse(Map.of());
        out.printf(Locale.ROOT, "   data %s: %d train / %d validation / %d test; student %s, %,d parameters%n",
                data.name(), data.train().size(), data.validation().size(), data.test().size(), spec.family(),
                spec.statistics().parameters());

        List<StageOutcome> stageOutcomes = new ArrayList<>();
        for (int i = 0; i < experiment.stages().size(); i++) {
            TrainingStage stage = experiment.stages().get(i);
            CompiledLoss stageLoss = CompiledLoss.compile(stageObjectives.get(i), spec.shapes(), teacherShapes,
                    data.classes());
            TrainableGraph.UpdateHook hook = stage.trained() == TrainedParameters.TAPS
                    ? FrozenLayers.outside(student, trainedTaps(stageLoss, spec))
                    : TrainableGraph.UpdateHook.NONE;
            TrainableGraph.UpdateHook stageHook = WeightMasks.of(masks,
                    BatchNormSparsity.of(stage.training().batchNormL1(), hook));
            out.printf(Locale.ROOT, "   stage %d of %d: %s, %d epochs, trains %s%n", i + 1,
                    experiment.stages().size() + 1, stage.name(), stage.training().epochs(),
                    hook instanceof FrozenLayers frozen && !frozen.frozen().isEmpty()
                            ? "all but " + String.join(", ", frozen.frozen()) : "every layer");
            ProgressListener progress = new EventLog(directory.resolve(RunStore.EVENTS), stage.name(),
                    new ConsoleProgress(out, "   ", terminal, 10));
            TrainingOutcome outcome = new Trainer(progress).train(student, teacherNetwork, stageLoss, data,
                    settings(stage.training()), stageHook, seed);
            stageOutcomes.add(new StageOutcome(stage.name(), outcome));
        }
        if (!experiment.stages().isEmpty()) {
            out.printf(Locale.ROOT, "   stage %d of %d: main training%n", experiment.stages().size() + 1,
                    experiment.stages().size() + 1);
        }
        TrainingPlan plan = experiment.training().orElseThrow();
        ProgressListener progress = new EventLog(directory.resolve(RunStore.EVENTS), "train",
                new ConsoleProgress(out, "   ", terminal, 10));
        TrainingOutcome outcome = new Trainer(progress).train(student, teacherNetwork, loss, data, settings(plan),
                WeightMasks.of(masks, BatchNormSparsity.of(plan.batchNormL1(), TrainableGraph.UpdateHook.NONE)), seed);

        Map<String, Object> metrics = RunRecords.metrics(experiment, seed, spec, outcome, stageOutcomes, teacher,
                teacherAccuracy);
        compressed.ifPresent(start -> metrics.putAll(start.metrics()));
        derived.ifPresent(design -> metrics.put(DerivedStudent.SECTION, design.metrics()));
        String selected = String.format(Locale.ROOT, "epoch %d, %s", outcome.selectedEpoch(),
                plan.select().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (retrieval.isPresent()) {
            RetrievalReport.record(experiment.retrieval().orElseThrow(), retrieval.get(), student,
                    Optional.ofNullable(teacher).map(LoadedTeacher::network), metrics, out, selected);
        } else {
            out.printf(Locale.ROOT, "   test accuracy %.2f%% (%s)%s%n", 100 * outcome.testAccuracy(), selected,
                    teacherAccuracy == null ? "" : String.format(Locale.ROOT, "; teacher %.2f%%", 100 * teacherAccuracy));
        }
        double trainingSeconds = stageOutcomes.stream().mapToDouble(stage -> stage.outcome().seconds()).sum()
                + outcome.seconds();
        Map<String, Object> compressionTimes = new LinkedHashMap<>();
        // The source run's directory and model hash go into provenance.json beside the compression times.
        derived.ifPresent(design -> compressionTimes.put(DerivedStudent.SECTION, design.provenance()));
        compressed.ifPresent(start -> {
            compressionTimes.putAll(start.provenance());
            compressionTimes.put(CompressedStudent.RECOVERY_SECONDS, trainingSeconds
                    + ((Number) start.provenance().getOrDefault(CompressedStudent.RECOVERY_SECONDS, 0.0)).doubleValue());
        });
        return record(experiment, seed, directory, started, student, data, teacher, metrics, compressionTimes,
                trainingSeconds);
    }

    /**
     * One retraining of a compressor's network (a pruning round): a graph with the taps of the main objectives gets
     * the network's weights, trains with the run's main plan, its schedule from the start, and the masks, and its
     * weights go back into the network. Stages are not repeated: they prepare a student, not a pruning round.
     */
    private Retraining retrain(Network network, Map<String, INDArray> masks, String label, List<Objective> objectives,
            Optional<TrainableGraph> teacherNetwork, Map<String, TensorShape> teacherShapes, Dataset data,
            TrainingPlan plan, long seed, Path directory) {
        NetworkSpec spec = network.spec();
        Set<String> taps = new LinkedHashSet<>();
        objectives.forEach(objective -> taps.addAll(objective.distiller().studentTaps()));
        taps.removeIf(InputGradients::isInputGradient);
        TrainableGraph graph = GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec,
                GraphSettings.inference(seed).withTaps(taps))), spec, seed);
        Network trained = new Network(spec, graph);
        NetworkWeights.copyMatching(network, trained);
        WeightMasks hook = new WeightMasks(masks, BatchNormSparsity.of(plan.batchNormL1(),
                TrainableGraph.UpdateHook.NONE));
        hook.apply(graph);
        CompiledLoss loss = CompiledLoss.compile(objectives, spec.shapes(), teacherShapes, data.classes());
        ProgressListener progress = new EventLog(directory.resolve(RunStore.EVENTS), label,
                new ConsoleProgress(out, "   ", terminal, 10));
        // Each retraining draws its own batch order; the label keeps it reproducible.
        TrainingOutcome outcome = new Trainer(progress).train(graph, teacherNetwork, loss, data, settings(plan), hook,
                seed ^ label.hashCode());
        NetworkWeights.copyMatching(trained, network);
        double validation = data.validation().size() == 0 ? Double.NaN : Accuracy.of(graph, data.validation());
        return new Retraining(plan.epochs(), Accuracy.of(graph, data.test()), validation, outcome.seconds());
    }

    /** Saves the model and writes the run's records; the caller marks the run DONE. */
    private JsonNode record(ResolvedExperiment experiment, long seed, Path directory, Instant started,
            TrainableGraph student, Dataset data, LoadedTeacher teacher, Map<String, Object> metrics, Map<String, Object> compressionTimes, double trainingSeconds) {
        Path model = directory.resolve(RunStore.MODEL);
        saveModel(student, model);
        double compressionSeconds = ((Number) compressionTimes.getOrDefault(CompressedStudent.COMPRESSION_SECONDS, 0.0))
                .doubleValue() + ((Number) compressionTimes.getOrDefault(CompressedStudent.ALIGNMENT_SECONDS, 0.0))
                .doubleValue();
        Map<String, Object> provenance = RunRecords.provenance(experiment, seed, git, registry.plugins(), data,
                teacher, AtomicFiles.sha256(model), started, trainingSeconds + compressionSeconds);
        provenance.putAll(compressionTimes);

        copyDescriptor(experiment, directory);
        AtomicFiles.write(directory.resolve(RunStore.RESOLVED), Json.pretty(Json.parse(experiment.canonicalJson())));
        AtomicFiles.write(directory.resolve(RunStore.PROVENANCE), Json.pretty(provenance));
        String metricsJson = Json.pretty(metrics);
        AtomicFiles.write(directory.resolve(RunStore.METRICS), metricsJson);
        return Json.parse(metricsJson);
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

    private List<Objective> objectives(List<WeightedDistiller> distillers) {
        List<Objective> objectives = new ArrayList<>();
        for (WeightedDistiller weighted : distillers) {
            objectives.add(new Objective(weighted.distiller().name(), create(weighted.distiller(), Distiller.class),
                    weighted.weight()));
        }
        return objectives;
    }

    private TrainingSettings settings(TrainingPlan plan) {
        return new TrainingSettings(plan.epochs(), plan.batchSize(), create(plan.optimizer(), Optimizer.class),
                create(plan.schedule(), LearningRateSchedule.class), plan.augmentation(), plan.select(),
                plan.evaluateTestEveryEpoch(), plan.sampler());
    }

    private static void saveModel(TrainableGraph network, Path model) {
        try {
            Path temporary = Files.createTempFile(model.getParent(), ".model", ".tmp");
            ModelSerializer.writeModel(network, temporary.toFile(), false);
            AtomicFiles.move(temporary, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + model + ": " + e.getMessage(), e);
        }
    }

    private void copyDescriptor(ResolvedExperiment experiment, Path directory) {
        try {
            AtomicFiles.write(directory.resolve(RunStore.DESCRIPTOR), Files.readAllBytes(experiment.source()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + experiment.source() + ": " + e.getMessage(), e);
        }
    }

    private <T> T create(ComponentChoice choice, Class<T> contract) {
        return components.create(choice.kind(), choice.name(), choice.parameters(), contract);
    }

}
