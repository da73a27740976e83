package org.distill4j.kernel.engine;

import org.distill4j.api.InputGradientTap;
import org.distill4j.api.InputGradients;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sum of a run's objectives as one SameDiff graph over placeholders for the student taps, the teacher taps and
 * the labels, with the trainable parameters its distillers declared ({@link LossParameters}). The input-gradient
 * taps ({@link InputGradientTapSet}) are placeholders of the input image's shape like any other tap; the step computes
 * them and back-propagates their gradient ({@link InputGradientTerm}). The gradient function
 * is created once; each batch runs it once, through {@link LossGraphSchedule} (SameDiff's ops as a fixed list of
 * calls) or, for a graph the schedule does not run, SameDiff's {@code calculateGradientsAndOutputs}, and returns the
 * loss, the reported terms, the gradient for every student tap and the gradient for every loss parameter.
 */
public final class CompiledLoss {

    private static final String LOSS = "distill4j_loss";

    private final SameDiff sameDiff;
    private final Map<String, String> studentPlaceholders;
    private final Map<String, String> teacherPlaceholders;
    private final Map<String, TensorShape> studentShapes;
    private final Map<String, String> termVariables;
    private final LossParameters parameters;
    private final InputGradientTapSet inputGradients;
    private final GradientFunction gradientFunction;
    private final Map<String, long[]> trainedParameters;
    private final Map<String, String> trainedParameterUsers;
    private int epoch = 1;

    private CompiledLoss(SameDiff sameDiff, Map<String, String> studentPlaceholders,
            Map<String, String> teacherPlaceholders, Map<String, TensorShape> studentShapes,
            Map<String, String> termVariables, LossParameters parameters, InputGradientTapSet inputGradients,
            Map<String, long[]> trainedParameters, Map<String, String> trainedParameterUsers) {
        this.sameDiff = sameDiff;
        this.trainedParameters = Map.copyOf(trainedParameters);
        this.trainedParameterUsers = Map.copyOf(trainedParameterUsers);
        this.studentPlaceholders = Map.copyOf(studentPlaceholders);
        this.teacherPlaceholders = Map.copyOf(teacherPlaceholders);
        this.studentShapes = Map.copyOf(studentShapes);
        this.termVariables = termVariables;
        this.parameters = parameters;
        this.inputGradients = inputGradients;
        this.gradientFunction = new GradientFunction(sameDiff, outputs(), gradientVariables(),
                Boolean.getBoolean(SAMEDIFF_EXECUTION_PROPERTY));
    }

    /**
     * Set to {@code true} to run every loss through SameDiff's own execution instead of {@link LossGraphSchedule}
     * (for comparisons; the results are the same).
     */
    public static final String SAMEDIFF_EXECUTION_PROPERTY = "distill4j.loss.samediff-execution";

    /** Whether batches run through the precomputed schedule (true for every loss shipped; see LossGraphSchedule). */
    public boolean scheduled() {
        return gradientFunction.scheduled();
    }

    /** The variables one evaluation reads out: the loss and the reported terms. */
    private List<String> outputs() {
        List<String> outputs = new ArrayList<>();
        outputs.add(LOSS);
        outputs.addAll(new LinkedHashSet<>(termVariables.values()));
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
     *                      an input-gradient tap)
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
        InputGradientTapSet inputGradients = InputGradientTapSet.of(objectives);
        SameDiff sameDiff = SameDiff.create();
        LossGraphDefinition definition = new LossGraphDefinition(sameDiff, studentShapes, teacherShapes, classes,
                dataType, inputGradients);
        sameDiff.identity(LOSS, definition.defineSum(objectives));
        sameDiff.setLossVariables(LOSS);
        createGradientFunction(sameDiff, definition.studentPlaceholders().values().toArray(new String[0]));
        return new CompiledLoss(sameDiff, definition.studentPlaceholders(), definition.teacherPlaceholders(),
                definition.studentTapShapes(), new LinkedHashMap<>(definition.terms()), definition.parameters(),
                inputGradients, definition.trainedParameters(), definition.trainedParameterUsers());
    }

    /**
     * The loss parameters of earlier stages this loss reads ({@link org.distill4j.api.LossGraph#trainedParameter}),
     * by name, with their shapes.
     */
    public Map<String, long[]> trainedParameters() {
        return trainedParameters;
    }

    /** The distiller that reads a trained parameter, for messages. */
    public String trainedParameterUser(String name) {
        return trainedParameterUsers.getOrDefault(name, "?");
    }

    /** Gives a trained parameter this loss reads the values an earlier stage left it with (cast to its precision). */
    public void bindTrainedParameter(String name, INDArray values) {
        long[] shape = trainedParameters.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("this loss reads no trained parameter '" + name + "'; it reads "
                    + trainedParameters.keySet());
        }
        if (!Arrays.equals(shape, values.shape())) {
            throw new IllegalArgumentException("trained parameter '" + name + "' has shape "
                    + Arrays.toString(values.shape()) + ", but " + trainedParameterUser(name)
                    + " reads it with shape " + Arrays.toString(shape));
        }
        INDArray constant = sameDiff.getVariable(LossGraphDefinition.TRAINED_PREFIX + name).getArr();
        constant.assign(values.castTo(constant.dataType()));
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
     * Student vertices the loss reads, in declaration order: the graph outputs the student must have. The
     * input-gradient taps are not vertices; see {@link #inputGradientTaps()}.
     */
    public Set<String> studentTaps() {
        return withoutInputGradients(studentPlaceholders.keySet());
    }

    /** Teacher vertices the loss reads (without the input-gradient tap, {@link #teacherInputGradientTaps()}). */
    public Set<String> teacherTaps() {
        return withoutInputGradients(teacherPlaceholders.keySet());
    }

    /**
     * The input-gradient taps the loss reads from the student, in declaration order, with the transform of the batch
     * each is taken at; empty for most losses, which then cost no extra passes.
     */
    public List<InputGradientTap> inputGradientTaps() {
        return inputGradients.taps(studentPlaceholders.keySet());
    }

    /** The input-gradient taps the loss reads from the teacher (at most {@link InputGradients#INPUT_GRADIENT}). */
    public Set<String> teacherInputGradientTaps() {
        return onlyInputGradients(teacherPlaceholders.keySet());
    }

    public boolean needsTeacher() {
        return !teacherPlaceholders.isEmpty();
    }

    private Set<String> withoutInputGradients(Set<String> taps) {
        Set<String> vertices = new LinkedHashSet<>(taps);
        vertices.removeIf(inputGradients::contains);
        return Collections.unmodifiableSet(vertices);
    }

    private Set<String> onlyInputGradients(Set<String> taps) {
        Set<String> reserved = new LinkedHashSet<>(taps);
        reserved.removeIf(tap -> !inputGradients.contains(tap));
        return Collections.unmodifiableSet(reserved);
    }

    /** The trainable parameters the distillers declared; empty for most losses. */
    public LossParameters parameters() {
        return parameters;
    }

    /**
     * Sets the epoch the next batches belong to, counted from 1 ({@link org.distill4j.api.LossGraph#epoch()}); the
     * trainer sets it at the start of every epoch. 1 until set.
     */
    public void setEpoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs count from 1, got " + epoch);
        }
        this.epoch = epoch;
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
        SDVariable labelPlaceholder = sameDiff.getVariable(LossGraphDefinition.LABELS);
        feed.put(LossGraphDefinition.LABELS, oneHot(labels, labelPlaceholder.getShape()[1]).castTo(labelPlaceholder.dataType()));
        if (sameDiff.hasVariable(LossGraphDefinition.EPOCH)) {
            feed.put(LossGraphDefinition.EPOCH, Nd4j.scalar(sameDiff.getVariable(LossGraphDefinition.EPOCH).dataType(),
                    epoch));
        }
        GradientFunction.Values values = gradientFunction.run(feed, detached);
        Map<String, INDArray> outputValues = values.outputs();
        Map<String, INDArray> gradientValues = values.gradients();
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
}
