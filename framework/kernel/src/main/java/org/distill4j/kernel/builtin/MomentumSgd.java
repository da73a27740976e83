package org.distill4j.kernel.builtin;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.Map;
import java.util.Objects;

/**
 * Stochastic gradient descent with classical or Nesterov momentum, in PyTorch's form:
 * {@code v = mu*v + g; step = lr*(nesterov ? g + mu*v : v)}.
 *
 * <p>DL4J's own {@code Nesterovs} uses Sutskever's formulation, whose effective step differs from PyTorch's when the
 * learning rate changes, and DL4J has no classical-momentum SGD; papers' recipes are written for PyTorch's.
 * Fields are plain so DL4J's shaded Jackson can serialise the graph configuration that holds this updater.
 */
public final class MomentumSgd implements IUpdater {

    private double learningRate;
    private ISchedule learningRateSchedule;
    private double momentum;
    private boolean nesterov;

    /** For DL4J's configuration deserialisation. */
    public MomentumSgd() {
        this(0.1, 0.9, false);
    }

    public MomentumSgd(double learningRate, double momentum, boolean nesterov) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public long stateSize(long numParams) {
        return momentum == 0 ? 0 : numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        MomentumSgdUpdater updater = new MomentumSgdUpdater(this);
        if (viewArray != null) {
            INDArray flat = viewArray.reshape(viewArray.length());
            updater.setStateViewArray(flat, flat.shape(), flat.ordering(), initializeViewArray);
        }
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        MomentumSgdUpdater updater = new MomentumSgdUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public MomentumSgd clone() {
        MomentumSgd copy = new MomentumSgd(learningRate, momentum, nesterov);
        copy.learningRateSchedule = learningRateSchedule;
        return copy;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MomentumSgd that
                && Double.compare(learningRate, that.learningRate) == 0
                && Objects.equals(learningRateSchedule, that.learningRateSchedule)
                && Double.compare(momentum, that.momentum) == 0
                && nesterov == that.nesterov;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, momentum, nesterov);
    }

    @Override
    public String toString() {
        return "MomentumSgd(lr=" + learningRate + ", momentum=" + momentum + ", nesterov=" + nesterov + ")";
    }
}
