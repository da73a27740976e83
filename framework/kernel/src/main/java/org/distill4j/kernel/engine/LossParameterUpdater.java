package org.distill4j.kernel.engine;

import org.distill4j.api.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a loss's own parameters ({@link LossParameters}) with the optimizer that trains the student in the same
 * stage, so a regressor learns exactly as a student layer would: the optimizer's DL4J updater at the same learning
 * rate ({@link Updaters} puts the same schedule into the student's layers), weight decay added to the gradient before
 * the updater (coupled L2, as PyTorch's {@code weight_decay} and the student's {@link WeightDecay} do; a loss's
 * parameters are a regressor's weights and biases, decayed whatever the optimizer's scope, as PyTorch code that
 * hands the regressor to the optimizer does), then {@code value -= update}.
 *
 * <p>One instance is one stage: its updater state (momentum, Adam's moments and step count) starts at zero.
 */
public final class LossParameterUpdater {

    private final LossParameters parameters;
    private final double weightDecay;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    /** Each parameter's updater state, the arrays its updater works in (absent for an updater without state). */
    private final Map<String, INDArray> states = new LinkedHashMap<>();
    private int iteration;

    /**
     * @param parameters the loss's parameters, trained in place
     * @param settings   the stage's optimizer, schedule and length
     * @param batchesPerEpoch the updates of one epoch (the unit of a schedule stepped per iteration)
     */
    public LossParameterUpdater(LossParameters parameters, TrainingSettings settings, int batchesPerEpoch) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        Optimizer optimizer = settings.optimizer();
        this.weightDecay = optimizer.weightDecay();
        ISchedule rates = Updaters.schedule(optimizer, settings.schedule(), settings.epochs(), batchesPerEpoch);
        for (Map.Entry<String, INDArray> parameter : parameters.values().entrySet()) {
            IUpdater configuration = optimizer.updater(optimizer.learningRate());
            configuration.setLrAndSchedule(Double.NaN, rates);
            long stateSize = configuration.stateSize(parameter.getValue().length());
            // DL4J's updaters view their state as one row, as they see it for a layer's flattened parameters.
            INDArray state = stateSize == 0 ? null
                    : Nd4j.zeros(parameter.getValue().dataType(), 1, stateSize);
            updaters.put(parameter.getKey(), configuration.instantiate(state, true));
            if (state != null) {
                states.put(parameter.getKey(), state);
            }
        }
    }

    /**
     * One update of every parameter.
     *
     * @param gradients the gradient of the batch's loss for each parameter ({@link LossValue#parameterGradients})
     * @param epoch     the 0-based epoch, which selects the learning rate
     */
    public void update(Map<String, INDArray> gradients, int epoch) {
        for (Map.Entry<String, GradientUpdater<?>> entry : updaters.entrySet()) {
            String name = entry.getKey();
            INDArray value = parameters.value(name);
            INDArray gradient = gradients.get(name);
            if (gradient == null) {
                throw new IllegalArgumentException("no gradient for loss parameter '" + name + "'; got "
                        + gradients.keySet());
            }
            // A copy, flattened to the row DL4J's updaters expect; the caller's gradient stays as it was.
            INDArray step = gradient.castTo(value.dataType()).dup('c').reshape('c', 1, value.length());
            if (weightDecay > 0) {
                step.addi(value.dup('c').reshape('c', 1, value.length()).muli(weightDecay));
            }
            entry.getValue().applyUpdater(step, iteration, epoch);
            value.subi(step.reshape('c', value.shape()));
        }
        iteration++;
    }

    /** A copy of the updater's state: its step count and each parameter's state arrays. */
    State snapshot() {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        states.forEach((name, state) -> copies.put(name, state.dup()));
        return new State(iteration, copies);
    }

    /** Puts a snapshot's state back, into the arrays the updaters work in. */
    void restore(State state) {
        iteration = state.iteration();
        state.states().forEach((name, values) -> states.get(name).assign(values));
    }

    /**
     * The state of the updater of a loss's parameters.
     *
     * @param iteration the steps taken
     * @param states    each parameter's updater state
     */
    record State(int iteration, Map<String, INDArray> states) {
    }
}
