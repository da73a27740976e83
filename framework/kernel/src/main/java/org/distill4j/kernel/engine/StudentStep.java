package org.distill4j.kernel.engine;

import org.distill4j.models.graph.GraphOutputs;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One optimisation step of a student on a compiled loss: routes the graph outputs to the loss's tap placeholders
 * and the loss gradients back to the graph outputs (a tap on a vertex {@code v} is the graph output
 * {@code v@tap}, see {@link GraphOutputs}), then updates the loss's own parameters, if it has any, with the gradient
 * of the same batch.
 */
public final class StudentStep {

    private final TrainableGraph student;
    private final CompiledLoss loss;
    private final List<String> outputs;
    private final Map<String, String> tapOfOutput = new HashMap<>();
    /** Null for a loss without parameters. */
    private final LossParameterUpdater parameterUpdater;

    /** A step on a loss without trainable parameters. */
    public StudentStep(TrainableGraph student, CompiledLoss loss) {
        this(student, loss, null);
        if (!loss.parameters().isEmpty()) {
            throw new IllegalArgumentException("the loss has trainable parameters " + loss.parameters().names()
                    + "; give the step a LossParameterUpdater so that they train with the student");
        }
    }

    /**
     * @param parameterUpdater trains the loss's parameters after each student update
     */
    public StudentStep(TrainableGraph student, CompiledLoss loss, LossParameterUpdater parameterUpdater) {
        this.student = Objects.requireNonNull(student, "student");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.parameterUpdater = parameterUpdater;
        this.outputs = student.outputNames();
        for (String tap : loss.studentTaps()) {
            String output = outputs.contains(tap) ? tap : GraphOutputs.tapName(tap);
            if (!outputs.contains(output)) {
                throw new IllegalArgumentException("the student does not output tap '" + tap + "'; outputs: " + outputs
                        + " (build it with the loss's student taps)");
            }
            tapOfOutput.put(output, tap);
        }
    }

    /** The loss value of the batch, measured before the update, and the number of correct top-1 predictions. */
    public record Result(LossValue loss, long correct) {
    }

    /**
     * @param teacher activations of the teacher taps for this batch (empty when the loss reads none)
     */
    public Result run(INDArray features, Map<String, INDArray> teacher, int[] labels, TrainableGraph.UpdateHook hook) {
        Result[] result = new Result[1];
        student.step(features, graphOutputs -> {
            Map<String, INDArray> activations = new HashMap<>();
            tapOfOutput.forEach((output, tap) -> activations.put(tap, graphOutputs.get(output)));
            LossValue value = loss.evaluate(activations, teacher, labels);
            result[0] = new Result(value, Accuracy.countCorrect(graphOutputs.get(outputs.get(0)), labels));
            INDArray[] gradients = new INDArray[outputs.size()];
            for (int i = 0; i < gradients.length; i++) {
                String tap = tapOfOutput.get(outputs.get(i));
                gradients[i] = tap != null ? value.gradients().get(tap) : Nd4j.zerosLike(graphOutputs.get(outputs.get(i)));
            }
            return gradients;
        }, hook);
        if (parameterUpdater != null) {
            // The gradient was taken at the values before the student's update: both move from the same point.
            parameterUpdater.update(result[0].loss().parameterGradients(), student.getEpochCount());
        }
        return result[0];
    }
}
