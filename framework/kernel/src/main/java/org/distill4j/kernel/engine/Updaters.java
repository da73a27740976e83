package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.Optimizer;
import org.distill4j.api.ScheduleStep;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts an optimizer and its learning-rate schedule into a graph's layer configurations, replacing whatever the graph
 * was built with, and resets the updater state.
 *
 * <p>Weight decay is not DL4J regularisation: every layer gets none, and {@link WeightDecay} adds it to the gradient
 * before the updater for the parameters the optimizer's scope names (batch norm's gamma and beta included, which
 * DL4J's L2 never reaches). The trainer installs that hook.
 *
 * <p>The rate of an iteration is the optimizer's base rate times the schedule's factor, evaluated per epoch or, for
 * a schedule stepped per iteration, per iteration of the stage (the graph's iteration count, which the trainer
 * resets to 0 at the start of each stage).
 */
public final class Updaters {

    /**
     * @param epochs            the length of the training stage the schedule spans
     * @param batchesPerEpoch   the updates of one epoch, the unit of a schedule stepped per iteration
     */
    public static void configure(ComputationGraph graph, Optimizer optimizer, LearningRateSchedule schedule, int epochs,
            int batchesPerEpoch) {
        ISchedule rates = schedule(optimizer, schedule, epochs, batchesPerEpoch);
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer configuration) {
                IUpdater updater = optimizer.updater(optimizer.learningRate());
                updater.setLrAndSchedule(Double.NaN, rates);
                configuration.setIUpdater(updater);
                configuration.setBiasUpdater(null);
                configuration.setRegularization(new ArrayList<>());
                configuration.setRegularizationBias(new ArrayList<>());
            }
        }
        graph.setUpdater(null);
        graph.getUpdater();
    }

    /** {@link #configure(ComputationGraph, Optimizer, LearningRateSchedule, int, int)} for a schedule stepped per epoch. */
    public static void configure(ComputationGraph graph, Optimizer optimizer, LearningRateSchedule schedule, int epochs) {
        configure(graph, optimizer, schedule, epochs, 0);
    }

    /**
     * The DL4J schedule of the rates: a table per epoch for a schedule stepped per epoch, a computed
     * {@link IterationSchedule} for one stepped per iteration.
     */
    public static ISchedule schedule(Optimizer optimizer, LearningRateSchedule schedule, int epochs,
            int batchesPerEpoch) {
        if (schedule.step() == ScheduleStep.ITERATION) {
            if (batchesPerEpoch < 1) {
                throw new IllegalArgumentException("a schedule stepped per iteration needs the batches per epoch (>= 1),"
                        + " got " + batchesPerEpoch);
            }
            return new IterationSchedule(optimizer.learningRate(), schedule, Math.multiplyExact(epochs, batchesPerEpoch));
        }
        return perEpochSchedule(optimizer, schedule, epochs);
    }

    /** The optimizer's learning rate times the schedule's factor, for each epoch of a stage of this length. */
    public static MapSchedule perEpochSchedule(Optimizer optimizer, LearningRateSchedule schedule, int epochs) {
        Map<Integer, Double> rates = new HashMap<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            rates.put(epoch, optimizer.learningRate() * schedule.factor(epoch, epochs));
        }
        return new MapSchedule(ScheduleType.EPOCH, rates);
    }

    /** The learning rate the graph's first trainable layer uses at an iteration of the stage in an epoch. */
    public static double learningRate(ComputationGraph graph, int iteration, int epoch) {
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer configuration && configuration.getIUpdater() != null
                    && configuration.getIUpdater().hasLearningRate()) {
                return configuration.getIUpdater().getLearningRate(iteration, epoch);
            }
        }
        return Double.NaN;
    }

    private Updaters() {
    }
}
