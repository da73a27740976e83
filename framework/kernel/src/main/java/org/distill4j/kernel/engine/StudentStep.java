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
 * of the same batch. A loss that reads the reserved input-gradient taps gets them from extra passes and its gradient
 * with respect to them back as a finite-difference parameter gradient ({@link InputGradientTerm}).
 */
public final class StudentStep {

    private final TrainableGraph student;
    private final CompiledLoss loss;
    private final List<String> outputs;
    private final Map<String, String> tapOfOutput = new HashMap<>();
    /** Null for a loss without parameters. */
    private final LossParameterUpdater parameterUpdater;
    /** Null for a loss without input-gradient taps: its step is the graph's plain external-errors step. */
    private final InputGradientTerm inputGradients;

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
        this(student, loss, parameterUpdater, InputGradientTerm.FINITE_DIFFERENCE_STEP);
    }

    /**
     * @param finiteDifferenceStep the central difference's step for a loss on input-gradient taps
     *                             ({@link InputGradientTerm#FINITE_DIFFERENCE_STEP} by default)
     */
    public StudentStep(TrainableGraph student, CompiledLoss loss, LossParameterUpdater parameterUpdater,
            double finiteDifferenceStep) {
        this.student = Objects.requireNonNull(student, "student");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.parameterUpdater = parameterUpdater;
        this.inputGradients = loss.inputGradientTaps().isEmpty() ? null
                : new InputGradientTerm(student, loss.inputGradientTaps(), finiteDifferenceStep);
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
     * @param teacher activations of the teacher taps for this batch (empty when the loss reads none), with the
     *                teacher's {@code input.gradient} when the loss reads it
     */
    public Result run(INDArray features, Map<String, INDArray> teacher, int[] labels, TrainableGraph.UpdateHook hook) {
        if (inputGradients != null) {
            return runWithInputGradients(features, teacher, labels, hook);
        }
        Result[] result = new Result[1];
        student.step(features, outputLoss(Map.of(), teacher, labels, result, null), hook);
        updateLossParameters(result[0]);
        return result[0];
    }

    /**
     * The step of a loss that reads input-gradient taps: the taps' {@code J} (one pass each), the regular pass with
     * them fed to the loss, then the finite-difference parameter gradient of the loss's {@code J} terms (two passes
     * each) added before the update. Every pass starts the random generator at the same per-step seed, so dropout
     * draws the same masks in all of them.
     */
    private Result runWithInputGradients(INDArray features, Map<String, INDArray> teacher, int[] labels,
            TrainableGraph.UpdateHook hook) {
        long seed = Nd4j.getRandom().nextLong();
        Map<String, INDArray> points = inputGradients.points(features);
        Map<String, INDArray> gradients = inputGradients.inputGradients(points, labels, seed);
        Result[] result = new Result[1];
        Map<String, INDArray> tapGradients = new HashMap<>();
        Nd4j.getRandom().setSeed(seed);
        student.step(features, outputLoss(gradients, teacher, labels, result, tapGradients),
                () -> inputGradients.parameterGradient(points, labels, tapGradients, seed), hook);
        updateLossParameters(result[0]);
        return result[0];
    }

    /**
     * The loss as the graph's step sees it: graph outputs to tap activations (plus {@code extraActivations}), loss
     * gradients back to graph outputs.
     *
     * @param tapGradients receives the loss's gradient for each of {@code extraActivations}; null when there are none
     */
    private TrainableGraph.OutputLoss outputLoss(Map<String, INDArray> extraActivations, Map<String, INDArray> teacher,
            int[] labels, Result[] result, Map<String, INDArray> tapGradients) {
        return graphOutputs -> {
            Map<String, INDArray> activations = new HashMap<>(extraActivations);
            tapOfOutput.forEach((output, tap) -> activations.put(tap, graphOutputs.get(output)));
            LossValue value = loss.evaluateTransient(activations, teacher, labels);
            result[0] = new Result(value, Accuracy.countCorrect(graphOutputs.get(outputs.get(0)), labels));
            if (tapGradients != null) {
                extraActivations.keySet().forEach(tap -> tapGradients.put(tap, value.gradients().get(tap)));
            }
            INDArray[] gradients = new INDArray[outputs.size()];
            for (int i = 0; i < gradients.length; i++) {
                String tap = tapOfOutput.get(outputs.get(i));
                gradients[i] = tap != null ? value.gradients().get(tap) : Nd4j.zerosLike(graphOutputs.get(outputs.get(i)));
            }
            return gradients;
        };
    }

    private void updateLossParameters(Result result) {
        if (parameterUpdater != null) {
            // The gradient was taken at the values before the student's update: both move from the same point.
            parameterUpdater.update(result.loss().parameterGradients(), student.getEpochCount());
        }
    }
}
