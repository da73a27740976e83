package org.distill4j.kernel.engine;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link LossGraph} distillers see while the graph is defined: {@link #defineSum} hands it to every objective in
 * turn, and it declares a placeholder for each tap an objective reads and collects the terms the objectives report
 * and the parameters they declare, which {@link CompiledLoss} then runs.
 */
final class LossGraphDefinition implements LossGraph {

    /** The placeholder of the one-hot labels, which {@link CompiledLoss} feeds. */
    static final String LABELS = "distill4j_labels";
    /** The placeholder of the current epoch, counted from 1, declared when an objective reads it. */
    static final String EPOCH = "distill4j_epoch";
    /** The prefix of the constants that hold earlier stages' trained parameters. */
    static final String TRAINED_PREFIX = "distill4j_trained_";

    private final SameDiff sameDiff;
    private final Map<String, TensorShape> studentShapes;
    private final Map<String, TensorShape> teacherShapes;
    private final int classes;
    private final SDVariable labels;
    private final Map<String, String> studentPlaceholders = new LinkedHashMap<>();
    private final Map<String, String> teacherPlaceholders = new LinkedHashMap<>();
    private final Map<String, String> terms = new LinkedHashMap<>();
    private final LossParameters parameters;
    private final Map<String, long[]> trainedParameters = new LinkedHashMap<>();
    private final Map<String, String> trainedParameterUsers = new LinkedHashMap<>();
    private final InputGradientTapSet inputGradients;
    // The objective being defined: its reported terms and declared parameters are prefixed, problems name it.
    private String prefix = "";
    private String parameterPrefix = "";
    private String objective = "";

    private final DataType dataType;

    LossGraphDefinition(SameDiff sameDiff, Map<String, TensorShape> studentShapes,
            Map<String, TensorShape> teacherShapes, int classes, DataType dataType,
            InputGradientTapSet inputGradients) {
        this.dataType = dataType;
        this.inputGradients = inputGradients;
        this.sameDiff = sameDiff;
        this.studentShapes = studentShapes;
        this.teacherShapes = teacherShapes;
        this.classes = classes;
        this.labels = sameDiff.placeHolder(LABELS, dataType, -1, classes);
        this.parameters = new LossParameters(sameDiff);
    }

    /** Defines the loss of every objective in turn and returns their weighted sum. */
    SDVariable defineSum(List<Objective> objectives) {
        SDVariable total = null;
        Map<String, Integer> occurrences = new HashMap<>();
        for (Objective objective : objectives) {
            prefix = objectives.size() > 1 ? objective.name() + "." : "";
            this.objective = objective.name();
            parameterPrefix = parameterPrefix(objectives, objective,
                    occurrences.merge(objective.name(), 1, Integer::sum));
            for (String tap : objective.distiller().studentTaps()) {
                declareStudent(tap, objective.name());
            }
            for (String tap : objective.distiller().teacherTaps()) {
                declareTeacher(tap, objective.name());
            }
            SDVariable loss = objective.distiller().defineLoss(this);
            if (loss == null) {
                throw new IllegalStateException("distiller " + objective.name() + " defined no loss");
            }
            SDVariable weighted = objective.weight() == 1.0 ? loss : loss.mul(objective.weight());
            if (objectives.size() > 1) {
                terms.put(objective.name(), loss.name());
            }
            total = total == null ? weighted : total.add(weighted);
        }
        return total;
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

    /** Placeholder names of the student taps the objectives read, by tap, in declaration order. */
    Map<String, String> studentPlaceholders() {
        return studentPlaceholders;
    }

    /** Placeholder names of the teacher taps the objectives read, by tap, in declaration order. */
    Map<String, String> teacherPlaceholders() {
        return teacherPlaceholders;
    }

    /** Shapes of the student taps the objectives read, in declaration order. */
    Map<String, TensorShape> studentTapShapes() {
        Map<String, TensorShape> tapShapes = new LinkedHashMap<>();
        for (String tap : studentPlaceholders.keySet()) {
            tapShapes.put(tap, shapeOf(tap, studentShapes));
        }
        return tapShapes;
    }

    /** The variables of the reported terms, by term name. */
    Map<String, String> terms() {
        return terms;
    }

    /** The trainable parameters the objectives declared. */
    LossParameters parameters() {
        return parameters;
    }

    private void declareStudent(String tap, String objective) {
        declare(tap, objective, studentShapes, studentPlaceholders, "student");
    }

    private void declareTeacher(String tap, String objective) {
        declare(tap, objective, teacherShapes, teacherPlaceholders, "teacher");
    }

    private void declare(String tap, String objective, Map<String, TensorShape> shapes,
            Map<String, String> placeholders, String network) {
        if (placeholders.containsKey(tap)) {
            return;
        }
        if (network.equals("teacher")) {
            inputGradients.teacherProblem(objective, tap).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
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
     * A vertex's shape, or for an input-gradient tap the shape of the input image (the network's
     * {@link NetworkSpec#INPUT} entry, unless the caller gave the tap's shape itself).
     */
    private TensorShape shapeOf(String tap, Map<String, TensorShape> shapes) {
        TensorShape shape = shapes.get(tap);
        if (shape == null && inputGradients.contains(tap)) {
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
    public SDVariable epoch() {
        return sameDiff.hasVariable(EPOCH) ? sameDiff.getVariable(EPOCH) : sameDiff.placeHolder(EPOCH, dataType);
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

    @Override
    public SDVariable trainedParameter(String name, long[] shape) {
        Objects.requireNonNull(name, "name");
        String variable = TRAINED_PREFIX + name;
        long[] earlier = trainedParameters.putIfAbsent(name, shape.clone());
        if (earlier != null && !Arrays.equals(earlier, shape)) {
            throw new IllegalArgumentException(objective + " reads the trained parameter '" + name + "' with shape "
                    + Arrays.toString(shape) + ", but " + trainedParameterUsers.get(name) + " reads it with shape "
                    + Arrays.toString(earlier));
        }
        trainedParameterUsers.putIfAbsent(name, objective);
        // Zeros until the stage that trains it has ended; CompiledLoss#bindTrainedParameter then fills them in place.
        return sameDiff.hasVariable(variable) ? sameDiff.getVariable(variable)
                : sameDiff.constant(variable, Nd4j.zeros(dataType, shape));
    }

    /** The parameters of earlier stages the objectives read, by name, with the shapes they read them with. */
    Map<String, long[]> trainedParameters() {
        return trainedParameters;
    }

    /** Which objective first read each trained parameter, for messages. */
    Map<String, String> trainedParameterUsers() {
        return trainedParameterUsers;
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
