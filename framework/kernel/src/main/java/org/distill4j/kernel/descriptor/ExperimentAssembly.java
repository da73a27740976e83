package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.ValueBinder;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.retrieval.Retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link DescriptorParser} and {@link RecordedDescriptorReader} do alike once a descriptor has bound: the checks
 * across sections, and the parts of the {@link ResolvedExperiment} built from the bound document.
 */
final class ExperimentAssembly {

    /**
     * The binder of one descriptor: the descriptor's own value types, its component sections resolved against the
     * registry, and the teacher bound as {@code teachers} says (a teacher file or experiment when parsing, a recorded
     * identity when reading a run back).
     */
    static ParameterBinder binder(ParameterBinder base, ComponentRegistry registry,
            ValueBinder<ResolvedTeacher> teachers) {
        ComponentResolver resolver = new ComponentResolver(registry);
        return base
                .with(ExperimentId.class, ExperimentId.BINDER)
                .with(SeedList.class, SeedList.BINDER)
                .with(TeacherSeed.class, TeacherSeed.BINDER)
                .with(ResolvedComponent.class, new ComponentReferenceBinder(resolver))
                .with(WeightedDistiller.class, new WeightedDistillerBinder(resolver))
                .with(ResolvedTeacher.class, teachers);
    }

    /** Problems that involve several sections: the teacher's dataset, the taps and shapes, the stage names. */
    static List<Problem> crossChecks(DescriptorDocument document, ParameterBinder binder, ComponentFactory factory) {
        List<Problem> problems = new ArrayList<>();
        ComponentChoice dataset = document.dataset().choice();
        Optional<TeacherChoice> teacher = Optional.ofNullable(document.teacher()).map(ResolvedTeacher::choice);
        teacher.flatMap(choice -> TeacherDatasetCheck.check(dataset, choice, binder)).ifPresent(problems::add);
        boolean sameDataset = teacher.map(choice -> TeacherDatasetCheck.sameDataset(dataset, choice)).orElse(true);
        Optional<ComponentChoice> studentModel = studentModel(document);
        if (document.student().compressed()) {
            compressionProblem(teacher).ifPresent(problems::add);
            CompressorCheck.check(document, studentModel, factory).ifPresent(problems::add);
        }
        Optional<Retrieval> retrieval = Optional.ofNullable(document.retrieval());
        teacher.flatMap(choice -> retrievalProblem(retrieval, choice)).ifPresent(problems::add);
        if (retrieval.isPresent() && document.student().compressed()) {
            problems.add(new Problem("retrieval", "a compressed student cannot be evaluated by retrieval yet; train a"
                    + " student: {model: ...} instead, or remove 'retrieval'"));
        }
        problems.addAll(StudentSourceCheck.check(document, binder, factory));
        studentModel.ifPresent(model -> problems.addAll(new TapCheck(factory).check(dataset, model,
                studentSource(document), teacher, sameDataset, LocatedDistiller.all(document), retrieval)));
        Map<String, Integer> firstStage = new HashMap<>();
        for (int i = 0; i < document.stages().size(); i++) {
            Integer earlier = firstStage.putIfAbsent(document.stages().get(i).name(), i);
            if (earlier != null) {
                problems.add(new Problem(DistillerSections.STAGES + "[" + i + "].name", "stage name '"
                        + document.stages().get(i).name() + "' is already used by stages[" + earlier + "]; give each"
                        + " stage its own name"));
            }
        }
        return problems;
    }

    /**
     * The student's architecture before any compression: its own model, or the teacher experiment's for a compressed
     * student (the first uncompressed one up the chain when the teacher is itself compressed; empty when the
     * descriptor has no such teacher, which {@link #compressionProblem} reports).
     */
    static Optional<ComponentChoice> studentModel(DescriptorDocument document) {
        if (!document.student().compressed()) {
            return Optional.of(document.student().model().choice());
        }
        return Optional.ofNullable(document.teacher()).map(ResolvedTeacher::choice)
                .filter(ExperimentTeacher.class::isInstance).map(ExperimentTeacher.class::cast)
                .map(teacher -> teacher.experiment().studentModel());
    }

    /**
     * The resolved experiment of a bound, cross-checked document.
     *
     * @param source the descriptor file
     */
    static ResolvedExperiment assemble(DescriptorDocument document, Path source, String profile, String canonicalJson,
            List<DescriptorOverride> overrides) {
        return new ResolvedExperiment(document.experiment().value(), document.title(), profile,
                document.seeds().seeds(), source, document.dataset().choice(),
                Optional.ofNullable(document.teacher()).map(ResolvedTeacher::choice), student(document),
                distillers(document), plan(document), stages(document), Optional.ofNullable(document.retrieval()),
                canonicalJson, CanonicalJson.sha256(canonicalJson), overrides);
    }

    /** Where the student comes from; the cross-checks have passed, so the model and the source are there. */
    static StudentSource student(DescriptorDocument document) {
        ComponentChoice model = studentModel(document).orElseThrow();
        DescriptorDocument.Student student = document.student();
        if (student.compressed()) {
            return new StudentSource.Compressed(model, student.compressor().choice(),
                    Optional.ofNullable(student.aligner()).map(ResolvedComponent::choice));
        }
        return studentSource(document).<StudentSource>map(source -> new StudentSource.Derived(model, source))
                .orElseGet(() -> new StudentSource.Trained(model));
    }

    /** The trained network a derived student model family reads ({@code student.source}), if the student has one. */
    static Optional<ExperimentTeacher> studentSource(DescriptorDocument document) {
        // The source binder accepts only experiments (a model file has no architecture spec to design from).
        return Optional.ofNullable(document.student().source()).map(ResolvedTeacher::choice)
                .filter(ExperimentTeacher.class::isInstance).map(ExperimentTeacher.class::cast);
    }

    /**
     * A teacher experiment must train on the student's classes: one trained on the retrieval classes would have seen
     * the images the student is evaluated on, and one with other classes has other logits.
     */
    private static Optional<Problem> retrievalProblem(Optional<Retrieval> retrieval, TeacherChoice teacher) {
        if (!(teacher instanceof ExperimentTeacher experimentTeacher)) {
            return Optional.empty();
        }
        Optional<List<Integer>> teacherClasses = experimentTeacher.experiment().retrieval().map(Retrieval::trainClasses);
        Optional<List<Integer>> classes = retrieval.map(Retrieval::trainClasses);
        if (teacherClasses.equals(classes)) {
            return Optional.empty();
        }
        return Optional.of(new Problem("teacher.experiment", "the teacher experiment '"
                + experimentTeacher.experiment().id() + "' trains on " + teacherClasses.map(list -> "classes " + list
                        + " (a retrieval task)").orElse("every class") + ", but this experiment trains on "
                + classes.map(list -> "classes " + list).orElse("every class") + "; give both the same 'retrieval:"
                + " {train-classes}'"));
    }

    private static Optional<Problem> compressionProblem(Optional<TeacherChoice> teacher) {
        if (teacher.isEmpty() || !(teacher.get() instanceof ExperimentTeacher experimentTeacher)) {
            return Optional.of(new Problem("teacher", "the student is the teacher compressed, so the teacher must be"
                    + " a teacher experiment, whose model family gives the architecture to compress: teacher:"
                    + " {experiment: teacher.yaml}" + (teacher.isPresent() ? " (a model file has no architecture"
                    + " spec)" : "")));
        }
        // A teacher that is itself compressed (iterative pruning continued from an earlier run) is compressed again;
        // its architecture is taken as its own teacher's, which the run checks against the loaded model, so that an
        // unstructured pruning, which keeps every shape, may continue while a narrower network is refused then.
        return Optional.empty();
    }

    static Optional<TrainingPlan> plan(DescriptorDocument document) {
        return Optional.ofNullable(document.training());
    }

    /** The main training's distillers. */
    static List<WeightedDistiller> distillers(DescriptorDocument document) {
        return LocatedDistiller.of(document).stream().map(LocatedDistiller::distiller).toList();
    }

    /** The earlier stages, in order. */
    static List<TrainingStage> stages(DescriptorDocument document) {
        List<TrainingStage> stages = new ArrayList<>();
        for (int i = 0; i < document.stages().size(); i++) {
            DescriptorDocument.Stage stage = document.stages().get(i);
            stages.add(new TrainingStage(stage.name(), LocatedDistiller.ofStage(document, i).stream()
                    .map(LocatedDistiller::distiller).toList(), stage.train(), stage.training()));
        }
        return List.copyOf(stages);
    }

    private ExperimentAssembly() {
    }
}
