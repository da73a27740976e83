package org.distill4j.kernel.engine;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loss graph's gradient function, run once per batch: through {@link LossGraphSchedule} (SameDiff's ops as a fixed
 * list of calls) or, for a graph the schedule does not run, SameDiff's {@code calculateGradientsAndOutputs}. Either
 * way it returns the same values; {@link CompiledLoss} makes a loss value of them.
 */
final class GradientFunction {

    private final SameDiff sameDiff;
    private final List<String> outputs;
    private final List<String> gradientVariables;
    /** The gradient function as a fixed list of op calls; empty when it has an op the schedule does not run. */
    private final Optional<LossGraphSchedule> schedule;

    /**
     * @param sameDiff          the loss graph, its gradient function created
     * @param outputs           the variables to read out (the loss and the reported terms)
     * @param gradientVariables the variables whose gradients to read out (placeholders and loss parameters)
     * @param sameDiffExecution whether to run through SameDiff even where the schedule could
     */
    GradientFunction(SameDiff sameDiff, List<String> outputs, List<String> gradientVariables,
            boolean sameDiffExecution) {
        this.sameDiff = sameDiff;
        this.outputs = List.copyOf(outputs);
        this.gradientVariables = List.copyOf(gradientVariables);
        this.schedule = sameDiffExecution ? Optional.empty()
                : LossGraphSchedule.of(sameDiff.getFunction("grad"), scheduledOutputs());
    }

    /** Whether batches run through the precomputed schedule. */
    boolean scheduled() {
        return schedule.isPresent();
    }

    /** The variables one evaluation reads out: the loss, the reported terms, and the gradients that exist. */
    private List<String> scheduledOutputs() {
        List<String> scheduled = new ArrayList<>(outputs);
        for (String variable : gradientVariables) {
            SDVariable gradient = sameDiff.getVariable(variable).getGradient();
            if (gradient != null) {
                scheduled.add(gradient.name());
            }
        }
        return scheduled;
    }

    /**
     * Runs the gradient function once.
     *
     * @param feed     a value for every placeholder
     * @param detached whether the gradients must outlive the next run (the schedule reuses its arrays)
     */
    Values run(Map<String, INDArray> feed, boolean detached) {
        Map<String, INDArray> outputValues;
        Map<String, INDArray> gradientValues = new HashMap<>();
        if (schedule.isPresent()) {
            outputValues = schedule.get().run(feed);
            for (String variable : gradientVariables) {
                SDVariable gradient = sameDiff.getVariable(variable).getGradient();
                if (gradient != null) {
                    INDArray value = outputValues.get(gradient.name());
                    gradientValues.put(variable, detached ? value.dup() : value);
                }
            }
        } else {
            OutAndGrad result = sameDiff.calculateGradientsAndOutputs(feed, new ArrayList<>(outputs),
                    new ArrayList<>(gradientVariables));
            outputValues = result.getOutputs();
            gradientValues.putAll(result.getGradients());
        }
        return new Values(outputValues, gradientValues);
    }

    /**
     * One run's values: every output by name (with the schedule, every variable it computed), and the gradient of
     * every gradient variable that has one, by variable.
     */
    record Values(Map<String, INDArray> outputs, Map<String, INDArray> gradients) {
    }
}
