package org.distill4j.kernel.engine;

import org.distill4j.api.LearningRateSchedule;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.Objects;

/**
 * A DL4J learning-rate schedule that changes after every iteration: {@code baseRate * schedule.factor(iteration,
 * iterations)}, the iteration counted from 0 over the training stage (the trainer resets the graph's count at each
 * stage). Computed rather than tabulated, because DL4J writes every layer's schedule into a saved model's
 * configuration and a table of every iteration would bloat it.
 *
 * <p>The schedule component is not serialised: a model loaded from a file keeps the rates' base and length only,
 * and any training starts by configuring its updaters afresh ({@link Updaters#configure}).
 */
public final class IterationSchedule implements ISchedule {

    private double baseRate;
    private int iterations;
    private transient LearningRateSchedule schedule;

    /** For DL4J's configuration deserialisation. */
    public IterationSchedule() {
    }

    public IterationSchedule(double baseRate, LearningRateSchedule schedule, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("a training stage has at least one iteration, got " + iterations);
        }
        this.baseRate = baseRate;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.iterations = iterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        if (schedule == null) {
            throw new IllegalStateException("this per-iteration schedule was loaded from a saved model without its"
                    + " schedule component; configure the graph's updaters before training it (Updaters.configure)");
        }
        return baseRate * schedule.factor(iteration, iterations);
    }

    @Override
    public ISchedule clone() {
        IterationSchedule copy = new IterationSchedule();
        copy.baseRate = baseRate;
        copy.iterations = iterations;
        copy.schedule = schedule;
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IterationSchedule that && Double.compare(baseRate, that.baseRate) == 0
                && iterations == that.iterations && Objects.equals(schedule, that.schedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseRate, iterations);
    }

    @Override
    public String toString() {
        return "IterationSchedule(base=" + baseRate + ", iterations=" + iterations + ", " + schedule + ")";
    }
}
