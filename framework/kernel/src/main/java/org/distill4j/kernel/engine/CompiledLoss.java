package org.distill4j.kernel.engine;

import org.distill4j.api.InputGradients;
import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sum of a run's objectives as one SameDiff graph over placeholders for the student taps, the teacher taps and
 * the labels, with the trainable parameters its distillers declared ({@link LossParameters}). The reserved
 * {@link InputGradients} taps are placeholders of the input image's shape like any other tap; the step computes
 * them and back-propagates their gradient ({@link InputGradientTerm}). The gradient function
 * is created once; each batch runs it once, through {@link LossGraphSchedule} (SameDiff's ops as a fixed list of
 * calls) or, for a graph the schedule does not run, SameDiff's {@code calculateGradientsAndOutputs}, and returns the
 * loss, the reported terms, the gradient for every student tap and the gradient for every loss parameter.
 */
public final class CompiledLoss {

    private static final String LOSS = "distill4j_loss";
    private static final String LABELS = "distill4j_labels";

    private final SameDiff sameDiff;
    private final Map<String, String> studentPlaceholders;
    private final Map<String, String> teacherPlaceholders;
    private final Map<String, TensorShape> studentShapes;
    private final Map<String, String> termVariables;
    private final LossParameters parameters;
    /** The gradient function as a fixed list of op calls; empty when it has an op the schedule does not run. */
    private final Optional<LossGraphSchedule> schedule;

    private CompiledLoss(SameDiff sameDiff, Map<String, String> studentPlaceholders,
            Map<String, String> teacherPlaceholders, Map<String, TensorShape> studentShapes,
            Map<String, String> termVariables, LossParameters parameters) {
        this.sameDiff = sameDiff;
        this.studentPlaceholders = Map.copyOf(studentPlaceholders);
        this.teacherPlaceholders = Map.copyOf(teacherPlaceholders);
        this.studentShapes = Map.copyOf(studentShapes);
        this.termVariables = termVariables;
        this.parameters = parameters;
        this.schedule = Boolean.getBoolean(SAMEDIFF_EXECUTION_PROPERTY) ? Optional.empty()
                : LossGraphSchedule.of(sameDiff.getFunction("grad"), scheduledOutputs());
    }

    /**
     * Set to {@code true} to run every loss through SameDiff's own execution instead of {@link LossGraphSchedule}
     * (for comparisons; the results are the same).
     */
    public static final String SAMEDIFF_EXECUTION_PROPERTY = "distill4j.loss.samediff-execution";

    /** Whether batches run through the precomputed schedule (true for every loss shipped; see LossGraphSchedule). */
    public boolean scheduled() {
        return schedule.isPresent();
    }

    /** The variables one evaluation reads out: the loss, the reported terms, and the gradients that exist. */
    private List<String> scheduledOutputs() {
        List<String> outputs = new ArrayList<>();
        outputs.add(LOSS);
        outputs.addAll(new LinkedHashSet<>(termVariables.values()));
        for (String variable : gradientVariables()) {
            SDVariable gradient = sameDiff.getVariable(variable).getGradient();
            if (gradient != null) {
                outputs.add(gradient.name());
            }
        }
        return outputs;
    }

    private List<String> gradientVariables() {
        List<String> variables = new ArrayList<>(studentPlaceholders.values());
        variables.addAll(parameters.variables());
        return variables;
    }

    /**
     * Builds the loss graph.
     *
     * @param objectives    the distillers and their weights
     * @param studentShapes per-sample shape of every student vertex (at least every tap an objective declares, and
     *                      {@link NetworkSpec#INPUT}, as {@link NetworkSpec#shapes()} gives it, when an objective reads
     *                      an {@link InputGradients} tap)
     * @param teacherShapes per-sample shape of every teacher vertex (empty without teacher), likewise
     * @param classes       number of classes (width of the one-hot labels)
     */
    public static CompiledLoss compile(List<Objective> objectives, Map<String, TensorShape> studentShapes,
            Map<String, TensorShape> teacherShapes, int classes) {
        return compile(objectives, studentShapes, teacherShapes, classes, DataType.FLOAT);
    }

    /**
     * Builds the loss graph in the given precision: float for training, double for finite-difference gradient
     * checks (whose error float32 rounding would otherwise dominate).
     */
    public static CompiledLoss compile(List<Objective> objectives, Map<String, TensorShape> studentShapes,
            Map<String, TensorShape> teacherShapes, int classes, DataType dataType) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one objective (distiller)");
        }
        SameDiff sameDiff = SameDiff.create();
        Definition definition = new Definition(sameDiff, studentShapes, teacherShapes, classes, dataType);
        SDVariable total = null;
        Map<String, Integer> occurrences = new HashMap<>();
        for (Objective objective : objectives) {
            definition.prefix = objectives.size() > 1 ? objective.name() + "." : "";
            definition.objective = objective.name();
            definition.parameterPrefix = parameterPrefix(objectives, objective,
                    occurrences.merge(objective.name(), 1, Integer::sum));
            for (String tap : objective.distiller().studentTaps()) {
                definition.declareStudent(tap, objective.name());
            }
            for (String tap : objective.distiller().teacherTaps()) {
                definition.declareTeacher(tap, objective.name());
            }
            SDVariable loss = objective.distiller().defineLoss(definition);
            if (loss == null) {
                throw new IllegalStateException("distiller " + objective.name() + " defined no loss");
            }
            SDVariable weighted = objective.weight() == 1.0 ? loss : loss.mul(objective.weight());
            if (objectives.size() > 1) {
                definition.terms.put(objective.name(), loss.name());
            }
            total = total == null ? weighted : total.add(weighted);
        }
        total = sameDiff.identity(LOSS, total);
        sameDiff.setLossVariables(LOSS);
        createGradientFunction(sameDiff, definition.studentPlaceholders.values().toArray(new String[0]));
        Map<String, TensorShape> tapShapes = new LinkedHashMap<>();
        for (String tap : definition.studentPlaceholders.keySet()) {
            tapShapes.put(tap, Definition.shapeOf(tap, studentShapes));
        }
        return new CompiledLoss(sameDiff, definition.studentPlaceholders, definition.teacherPlaceholders, tapShapes,
                new LinkedHashMap<>(definition.terms), definition.parameters);
    }

    /**
     * The prefix of an objective's parameter names: none when it is the only objective, its name otherwise, and its
     * name with its occurrence ({@code fitnets-hint#2.}) when the loss lists the same distiller name more than once
     * (two hint pairs), whose parameters would otherwise collide.
     */
    private static String parameterPrefix(List<Objective> objectives, Objective objective, int occurrence) {
        if (objectives.size() == 1) {
            return "";
        }
        long sameName = objectives.stream().filter(other -> other.name().equals(objective.name())).count();
        return sameName > 1 ? objective.name() + "#" + occurrence + "." : objective.name() + ".";
    }

    /**
     * SameDiff 1.0.0-M2.1 prints a line to standard output for every op it differentiates (a leftover
     * {@code System.out.println} in {@code createGradFunction}); keep that out of the run's output.
     */
    private static synchronized void createGradientFunction(SameDiff sameDiff, String[] placeholders) {
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sameDiff.createGradFunction(placeholders);
        } finally {
            System.setOut(standardOutput);
        }
    }

    /**
     * Student vertices the loss reads, in declaration order: the graph outputs the student must have. The reserved
     * input-gradient taps are not vertices; see {@link #inputGradientTaps()}.
     */
    public Set<String> studentTaps() {
        return withoutInputGradients(studentPlaceholders.keySet());
    }

    /** Teacher vertices the loss reads (without the reserved input-gradient tap, {@link #teacherInputGradientTaps()}). */
    public Set<String> teacherTaps() {
        return withoutInputGradients(teacherPlaceholders.keySet());
    }

    /**
     * The reserved {@link InputGradients} taps the loss reads from the student; empty for most losses, which then
     * cost no extra passes.
     */
    public Set<String> inputGradientTaps() {
        return onlyInputGradients(studentPlaceholders.keySet());
    }

    /** The reserved {@link InputGradients} taps the loss reads from the teacher (at most {@code input.gradient}). */
    public Set<String> teacherInputGradientTaps() {
        return onlyInputGradients(teacherPlaceholders.keySet());
    }

    public boolean needsTeacher() {
        return !teacherPlaceholders.isEmpty();
    }

    private static Set<String> withoutInputGradients(Set<String> taps) {
        Set<String> vertices = new LinkedHashSet<>(taps);
        vertices.removeIf(InputGradients::isInputGradient);
        return Collections.unmodifiableSet(vertices);
    }

    private static Set<String> onlyInputGradients(Set<String> taps) {
        Set<String> reserved = new LinkedHashSet<>(taps);
        reserved.removeIf(tap -> !InputGradients.isInputGradient(tap));
        return Collections.unmodifiableSet(reserved);
    }

    /** The trainable parameters the distillers declared; empty for most losses. */
    public LossParameters parameters() {
        return parameters;
    }

    /**
     * The loss and its gradients for one batch.
     *
     * @param student activations of every student tap, batch first
     * @param teacher activations of every teacher tap (may be empty if the loss needs no teacher)
     * @param labels  class index per sample
     */
    public LossValue evaluate(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels) {
        return evaluate(student, teacher, labels, true);
    }

    /**
     * The loss and its gradients for one batch, whose gradient arrays may be reused by the next evaluation (the
     * training step consumes them before that).
     */
    LossValue evaluateTransient(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels) {
        return evaluate(student, teacher, labels, false);
    }

    private LossValue evaluate(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels,
            boolean detached) {
        Map<String, INDArray> feed = new LinkedHashMap<>();
        for (Map.Entry<String, String> tap : studentPlaceholders.entrySet()) {
            feed.put(tap.getValue(), require(student, tap.getKey(), "student"));
        }
        for (Map.Entry<String, String> tap : teacherPlaceholders.entrySet()) {
            feed.put(tap.getValue(), require(teacher, tap.getKey(), "teacher"));
        }
        SDVariable labelPlaceholder = sameDiff.getVariable(LABELS);
        feed.put(LABELS, oneHot(labels, labelPlaceholder.getShape()[1]).castTo(labelPlaceholder.dataType()));
        Map<String, INDArray> outputValues;
        Map<String, INDArray> gradientValues = new HashMap<>();
        if (schedule.isPresent()) {
            outputValues = schedule.get().run(feed);
            for (String variable : gradientVariables()) {
                SDVariable gradient = sameDiff.getVariable(variable).getGradient();
                if (gradient != null) {
                    INDArray value = outputValues.get(gradient.name());
                    gradientValues.put(variable, detached ? value.dup() : value);
                }
            }
        } else {
            List<String> outputs = new ArrayList<>();
            outputs.add(LOSS);
            outputs.addAll(new LinkedHashSet<>(termVariables.values()));
            OutAndGrad result = sameDiff.calculateGradientsAndOutputs(feed, outputs, gradientVariables());
            outputValues = result.getOutputs();
            gradientValues.putAll(result.getGradients());
        }
        Map<String, Double> terms = new LinkedHashMap<>();
        for (Map.Entry<String, String> term : termVariables.entrySet()) {
            terms.put(term.getKey(), outputValues.get(term.getValue()).getDouble(0));
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (Map.Entry<String, String> tap : studentPlaceholders.entrySet()) {
            INDArray gradient = gradientValues.get(tap.getValue());
            gradients.put(tap.getKey(), gradient != null ? gradient : Nd4j.zerosLike(student.get(tap.getKey())));
        }
        Map<String, INDArray> parameterGradients = new LinkedHashMap<>();
        for (String parameter : parameters.names()) {
            INDArray gradient = gradientValues.get(parameters.variable(parameter));
            parameterGradients.put(parameter, gradient != null ? gradient : Nd4j.zerosLike(parameters.value(parameter)));
        }
        return new LossValue(outputValues.get(LOSS).getDouble(0), terms, gradients, parameterGradients);
    }

    /** Shapes of the student taps, in declaration order. */
    public Map<String, TensorShape> studentShapes() {
        return studentShapes;
    }

    static INDArray oneHot(int[] labels, long classes) {
        float[] values = new float[Math.multiplyExact(labels.length, (int) classes)];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside [0, " + classes + ")");
            }
            values[i * (int) classes + labels[i]] = 1f;
        }
        return Nd4j.create(values, new long[] {labels.length, classes}, DataType.FLOAT);
    }

    private static INDArray require(Map<String, INDArray> activations, String tap, String network) {
        INDArray array = activations.get(tap);
        if (array == null) {
            throw new IllegalArgumentException("no " + network + " activation for tap '" + tap + "'; got " + activations.keySet());
        }
        return array;
    }

    /** The {@link LossGraph} distillers see while the graph is defined. */
    private static final class Definition implements LossGraph {

        private final SameDiff sameDiff;
        private final Map<String, TensorShape> studentShapes;
        private final Map<String, TensorShape> teacherShapes;
        private final int classes;
        private final SDVariable labels;
        private final Map<String, String> studentPlaceholders = new LinkedHashMap<>();
        private final Map<String, String> teacherPlaceholders = new LinkedHashMap<>();
        private final Map<String, String> terms = new LinkedHashMap<>();
        private final LossParameters parameters;
        private String prefix = "";
        private String parameterPrefix = "";
        private String objective = "";

        private final DataType dataType;

        Definition(SameDiff sameDiff, Map<String, TensorShape> studentShapes, Map<String, TensorShape> teacherShapes,
                int classes, DataType dataType) {
            this.dataType = dataType;
            this.sameDiff = sameDiff;
            this.studentShapes = studentShapes;
            this.teacherShapes = teacherShapes;
            this.classes = classes;
            this.labels = sameDiff.placeHolder(LABELS, dataType, -1, classes);
            this.parameters = new LossParameters(sameDiff);
        }

        void declareStudent(String tap, String objective) {
            declare(tap, objective, studentShapes, studentPlaceholders, "student");
        }

        void declareTeacher(String tap, String objective) {
            declare(tap, objective, teacherShapes, teacherPlaceholders, "teacher");
        }

        private void declare(String tap, String objective, Map<String, TensorShape> shapes,
                Map<String, String> placeholders, String network) {
            if (placeholders.containsKey(tap)) {
                return;
            }
            if (network.equals("teacher") && tap.equals(InputGradients.FLIPPED_INPUT_GRADIENT)) {
                throw new IllegalArgumentException(objective + " reads the teacher's '" + tap + "', which the kernel"
                        + " computes for the student only; read the teacher's '" + InputGradients.INPUT_GRADIENT
                        + "' and flip it in the loss");
            }
            TensorShape shape = shapeOf(tap, shapes);
            if (shape == null) {
                throw new IllegalArgumentException(objective + " taps " + network + " vertex '" + tap
                        + "', which the " + network + " does not have; vertices: " + shapes.keySet());
            }
            String name = network + "_" + placeholders.size();
            sameDiff.placeHolder(name, dataType, shape.batchShape());
            placeholders.put(tap, name);
        }

        /**
         * A vertex's shape, or for a reserved input-gradient tap the shape of the input image (the network's
         * {@link NetworkSpec#INPUT} entry, unless the caller gave the tap's shape itself).
         */
        private static TensorShape shapeOf(String tap, Map<String, TensorShape> shapes) {
            TensorShape shape = shapes.get(tap);
            if (shape == null && InputGradients.isInputGradient(tap)) {
                return shapes.get(NetworkSpec.INPUT);
            }
            return shape;
        }

        @Override
        public SameDiff sameDiff() {
            return sameDiff;
        }

        @Override
        public SDVariable student(String tap) {
            return sameDiff.getVariable(lookup(studentPlaceholders, tap, "student"));
        }

        @Override
        public SDVariable teacher(String tap) {
            return sameDiff.getVariable(lookup(teacherPlaceholders, tap, "teacher"));
        }

        @Override
        public SDVariable labels() {
            return labels;
        }

        @Override
        public long[] studentShape(String tap) {
            lookup(studentPlaceholders, tap, "student");
            return shapeOf(tap, studentShapes).batchShape();
        }

        @Override
        public long[] teacherShape(String tap) {
            lookup(teacherPlaceholders, tap, "teacher");
            return shapeOf(tap, teacherShapes).batchShape();
        }

        @Override
        public int classes() {
            return classes;
        }

        @Override
        public void reportTerm(String name, SDVariable scalar) {
            Objects.requireNonNull(scalar, "scalar");
            terms.put(prefix + name, scalar.name());
        }

        @Override
        public SDVariable parameter(String name, long[] shape, ParameterInit init) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException(objective + " declares a loss parameter with a blank name; name"
                        + " it, e.g. 'regressor.weight'");
            }
            return parameters.declare(parameterPrefix + name, objective, shape, init, dataType);
        }

        private static String lookup(Map<String, String> placeholders, String tap, String network) {
            String name = placeholders.get(tap);
            if (name == null) {
                throw new IllegalArgumentException(network + " tap '" + tap + "' was not declared by the distiller; declared: "
                        + placeholders.keySet());
            }
            return name;
        }
    }
}
