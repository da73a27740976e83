package org.distill4j.kernel.descriptor;

import org.distill4j.api.DatasetSource;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradients;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.Problem;
import org.distill4j.api.data.DatasetInfo;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.InputGradientTapSet;
import org.distill4j.kernel.engine.InputGradientTerm;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.Suggestions;
import org.distill4j.kernel.retrieval.Retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Checks, before any training, that every distiller can read what it taps: each student tap is a vertex of the
 * student's network, each teacher tap a vertex of the teacher's, a distiller with teacher taps has a teacher, and the
 * distiller accepts the shapes of its taps ({@link Distiller#shapeProblems}). The input-gradient taps
 * ({@link InputGradientTapSet}: {@link InputGradients#INPUT_GRADIENT} and those the distillers define) are accepted
 * on the student, and {@code input.gradient} alone on a teacher without BatchNorm and dropout; their shape is the
 * input image's. Two distillers defining one tap name are a problem.
 *
 * <p>It creates the components the way a run would (dataset, model family, distillers, through the
 * {@link ComponentFactory}) but only asks for the dataset's {@link DatasetSource#info() info} and the network
 * spec, so nothing is loaded or built. A file teacher's vertices are unknown until it is loaded, so its taps are
 * checked by the run.
 *
 * <p>A derived student ({@link ModelFamily#derived()}) has no spec before its source network is trained: its widths
 * come from the trained weights. It keeps the vertex names of its source's architecture, though, so its taps (and a
 * derived teacher's) are checked by name against the source experiment's spec, and the distillers' shape checks are
 * left out for it: the widths they would compare are unknown until the run designs the network.
 */
final class TapCheck {

    private final ComponentFactory factory;

    TapCheck(ComponentFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * @param sameDataset whether an experiment teacher uses the student's dataset (its spec is only built then)
     */
    List<Problem> check(ComponentChoice dataset, ComponentChoice studentModel,
            Optional<ExperimentTeacher> studentSource, Optional<TeacherChoice> teacher, boolean sameDataset, List<LocatedDistiller> distillers,
            Optional<Retrieval> retrieval) {
        List<Problem> problems = new ArrayList<>();
        Optional<DatasetInfo> info = attempt(problems, "dataset", "cannot describe dataset '" + dataset.name() + "'",
                () -> create(dataset, DatasetSource.class).info());
        if (info.isPresent() && retrieval.isPresent()) {
            info = trainedClasses(problems, info.get(), retrieval.get());
        }
        boolean studentDerived = StudentSourceCheck.derived(factory, studentModel);
        Optional<NetworkSpec> studentSpec = studentDerived
                ? info.flatMap(data -> sourceSpec(problems, "student.source.experiment", studentSource, data))
                : info.flatMap(data -> specify(problems, "student.model", "student", studentModel, data));
        Optional<NetworkSpec> teacherSpec = Optional.empty();
        boolean teacherDerived = false;
        if (info.isPresent() && sameDataset && teacher.isPresent()
                && teacher.get() instanceof ExperimentTeacher experimentTeacher) {
            ResolvedExperiment teacherExperiment = experimentTeacher.experiment();
            teacherDerived = StudentSourceCheck.derived(factory, teacherExperiment.studentModel());
            teacherSpec = teacherDerived
                    ? sourceSpec(problems, "teacher.experiment", teacherExperiment.student().designSource(), info.get())
                    : specify(problems, "teacher.experiment", "teacher", teacherExperiment.studentModel(), info.get());
        }
        if (retrieval.isPresent()) {
            studentSpec.ifPresent(spec -> checkEmbedding(problems, "student", spec, retrieval.get()));
            teacherSpec.ifPresent(spec -> checkEmbedding(problems, "teacher", spec, retrieval.get()));
        }
        Map<LocatedDistiller, Distiller> created = new LinkedHashMap<>();
        for (LocatedDistiller located : distillers) {
            attempt(problems, located.path(), "cannot create distiller '" + located.name() + "'",
                    () -> create(located.distiller().distiller(), Distiller.class))
                    .ifPresent(distiller -> created.put(located, distiller));
        }
        InputGradientTapSet inputGradients = inputGradientTaps(problems, created);
        for (Map.Entry<LocatedDistiller, Distiller> entry : created.entrySet()) {
            LocatedDistiller located = entry.getKey();
            Distiller distiller = entry.getValue();
            Optional<Set<String>> studentTaps = attempt(problems, located.path(), "cannot read the student taps of '"
                    + located.name() + "'", () -> new TreeSet<>(distiller.studentTaps()));
            Optional<Set<String>> teacherTaps = attempt(problems, located.path(), "cannot read the teacher taps of '"
                    + located.name() + "'", () -> new TreeSet<>(distiller.teacherTaps()));
            if (teacherTaps.isPresent() && !teacherTaps.get().isEmpty() && teacher.isEmpty()) {
                problems.add(new Problem(located.path(), "distiller '" + located.name() + "' reads the teacher (taps: "
                        + String.join(", ", teacherTaps.get()) + ") but this experiment has no teacher; add a"
                        + " 'teacher' section or use a distiller that needs none"));
            }
            int before = problems.size();
            if (studentSpec.isPresent() && studentTaps.isPresent()) {
                checkTaps(problems, located, "student", studentTaps.get(), studentSpec.get(), inputGradients);
            }
            teacherTaps.ifPresent(taps -> taps.forEach(tap -> inputGradients.teacherProblem(located.name(), tap)
                    .ifPresent(problem -> problems.add(new Problem(located.path(), problem)))));
            if (teacherSpec.isPresent() && teacherTaps.isPresent()) {
                checkTaps(problems, located, "teacher", teacherTaps.get(), teacherSpec.get(), inputGradients);
                if (teacherTaps.get().contains(InputGradients.INPUT_GRADIENT)) {
                    checkTeacherInputGradient(problems, located, teacherSpec.get());
                }
            }
            // A derived network's vertices are known by name only (see the class comment): no shapes to check.
            boolean teacherKnown = (teacherSpec.isPresent() && !teacherDerived)
                    || teacherTaps.map(Set::isEmpty).orElse(false);
            if (problems.size() == before && studentSpec.isPresent() && !studentDerived && studentTaps.isPresent()
                    && teacherKnown) {
                Map<String, TensorShape> teacherShapes = teacherSpec.map(spec -> tapShapes(spec, inputGradients))
                        .orElse(Map.of());
                attempt(problems, located.path(), "cannot check the shapes '" + located.name() + "' reads",
                        () -> distiller.shapeProblems(tapShapes(studentSpec.get(), inputGradients),
                                teacherShapes))
                        .ifPresent(found -> found.forEach(problem -> problems.add(new Problem(located.path(),
                                "distiller '" + located.name() + "': " + problem))));
            }
        }
        return problems;
    }

    /**
     * The experiment's input-gradient taps: the built-in one and those its distillers define. A distiller whose taps
     * clash with another's is a problem at its path, and its own taps are left out.
     */
    private static InputGradientTapSet inputGradientTaps(List<Problem> problems,
            Map<LocatedDistiller, Distiller> distillers) {
        InputGradientTapSet taps = InputGradientTapSet.builtIn();
        for (Map.Entry<LocatedDistiller, Distiller> entry : distillers.entrySet()) {
            InputGradientTapSet known = taps;
            LocatedDistiller located = entry.getKey();
            taps = attempt(problems, located.path(), "cannot read the input-gradient taps of '" + located.name() + "'",
                    () -> known.with(located.name(), entry.getValue())).orElse(known);
        }
        return taps;
    }

    /** A retrieval task trains on some classes only: the networks have one logit per trained class. */
    private static Optional<DatasetInfo> trainedClasses(List<Problem> problems, DatasetInfo info, Retrieval retrieval) {
        String problem = retrieval.problem(info.classes());
        if (problem != null) {
            problems.add(new Problem("retrieval.train-classes", problem));
            return Optional.empty();
        }
        return Optional.of(new DatasetInfo(info.shape(), retrieval.trainClasses().stream()
                .map(label -> info.classNames().get(label)).toList()));
    }

    private static void checkEmbedding(List<Problem> problems, String role, NetworkSpec spec, Retrieval retrieval) {
        TensorShape shape = spec.shapes().get(retrieval.embedding());
        if (shape == null) {
            problems.add(new Problem("retrieval.embedding", "the " + role + " network ('" + spec.family() + "') has no"
                    + " vertex '" + retrieval.embedding() + "'; its vector vertices are " + spec.shapes().entrySet()
                    .stream().filter(entry -> entry.getValue().flat()).map(Map.Entry::getKey).toList()));
        } else if (!shape.flat()) {
            problems.add(new Problem("retrieval.embedding", "the " + role + " network's vertex '"
                    + retrieval.embedding() + "' is a " + shape + " feature map; an embedding is a vector per image"
                    + " (a dense or l2-normalize vertex)"));
        }
    }

    private Optional<NetworkSpec> specify(List<Problem> problems, String path, String role, ComponentChoice model,
            DatasetInfo data) {
        Optional<NetworkSpec> spec = attempt(problems, path, "cannot build the " + role + " network ('"
                        + model.name() + "' for " + data.shape() + " inputs and " + data.classes() + " classes)",
                () -> create(model, ModelFamily.class).specify(data.shape(), data.classes()));
        Optional<String> tooLarge = spec.flatMap(network -> NetworkMemory.problem(network, role));
        tooLarge.ifPresent(problem -> problems.add(new Problem(path, problem)));
        return tooLarge.isPresent() ? Optional.empty() : spec;
    }

    /**
     * The spec whose vertex names a derived network has: its source experiment's architecture. Empty when there is
     * no source or the source is itself derived ({@link StudentSourceCheck} reports both).
     */
    private Optional<NetworkSpec> sourceSpec(List<Problem> problems, String path, Optional<ExperimentTeacher> source,
            DatasetInfo data) {
        return source.map(ExperimentTeacher::experiment)
                .filter(experiment -> !StudentSourceCheck.derived(factory, experiment.studentModel()))
                .flatMap(experiment -> specify(problems, path, "source", experiment.studentModel(), data));
    }

    /**
     * The per-sample shapes a distiller's taps can have: every vertex's, and the input image's for the experiment's
     * input-gradient taps.
     */
    private static Map<String, TensorShape> tapShapes(NetworkSpec spec, InputGradientTapSet inputGradients) {
        Map<String, TensorShape> shapes = new LinkedHashMap<>(spec.shapes());
        TensorShape input = shapes.get(NetworkSpec.INPUT);
        inputGradients.names().forEach(tap -> shapes.putIfAbsent(tap, input));
        return shapes;
    }

    /** A teacher's input gradient needs a forward that is the same in training and inference mode. */
    private static void checkTeacherInputGradient(List<Problem> problems, LocatedDistiller located, NetworkSpec spec) {
        List<String> layers = spec.nodes().stream()
                .filter(node -> node instanceof NodeSpec.BatchNorm || node instanceof NodeSpec.Dropout)
                .map(NodeSpec::name).toList();
        String problem = InputGradientTerm.teacherProblem(layers);
        if (problem != null) {
            problems.add(new Problem(located.path(), "distiller '" + located.name() + "': " + problem));
        }
    }

    private static void checkTaps(List<Problem> problems, LocatedDistiller located, String role, Set<String> taps,
            NetworkSpec spec, InputGradientTapSet inputGradients) {
        List<String> vertices = spec.names();
        for (String tap : taps) {
            if (!vertices.contains(tap) && !inputGradients.contains(tap)) {
                String closest = Suggestions.closest(tap, vertices).map(close -> " (did you mean '" + close + "'?)")
                        .orElse("");
                problems.add(new Problem(located.path(), "distiller '" + located.name() + "' taps '" + tap + "', which"
                        + " is not a vertex of the " + role + " network (" + spec.family() + ")" + closest
                        + "; its vertices: " + String.join(", ", vertices)));
            }
        }
    }

    private <T> T create(ComponentChoice choice, Class<T> contract) {
        return factory.create(choice.kind(), choice.name(), choice.parameters(), contract);
    }

    // Plugin code can fail in any way; what matters to the user is the innermost message (Guice wraps the
    // component's own exception), reported where the component is named.
    private static <T> Optional<T> attempt(List<Problem> problems, String path, String what, Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            problems.add(new Problem(path, what + ": " + message));
            return Optional.empty();
        }
    }
}
