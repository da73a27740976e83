package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.Optimizer;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts an optimizer, its per-epoch learning-rate schedule and its weight decay into a graph's layer
 * configurations, replacing whatever the graph was built with, and resets the updater state.
 */
public final class Updaters {

    /**
     * @param epochs the length of the training stage the schedule spans
     */
    public static void configure(ComputationGraph graph, Optimizer optimizer, LearningRateSchedule schedule, int epochs) {
        MapSchedule perEpoch = perEpochSchedule(optimizer, schedule, epochs);
        List<Regularization> decay = optimizer.weightDecay() > 0
                ? List.of(new L2Regularization(optimizer.weightDecay()))
                : List.of();
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer configuration) {
                IUpdater updater = optimizer.updater(optimizer.learningRate());
                updater.setLrAndSchedule(Double.NaN, perEpoch);
                configuration.setIUpdater(updater);
                configuration.setBiasUpdater(null);
                configuration.setRegularization(new ArrayList<>(decay));
                configuration.setRegularizationBias(new ArrayList<>(decay));
            }
        }
        graph.setUpdater(null);
        graph.getUpdater();
    }

    /** The optimizer's learning rate times the schedule's factor, for each epoch of a stage of this length. */
    public static MapSchedule perEpochSchedule(Optimizer optimizer, LearningRateSchedule schedule, int epochs) {
        Map<Integer, Double> rates = new HashMap<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            rates.put(epoch, optimizer.learningRate() * schedule.factor(epoch, epochs));
        }
        return new MapSchedule(ScheduleType.EPOCH, rates);
    }

    /** The learning rate the graph's first trainable layer uses in an epoch. */
    public static double learningRate(ComputationGraph graph, int epoch) {
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer configuration && configuration.getIUpdater() != null
                    && configuration.getIUpdater().hasLearningRate()) {
                return configuration.getIUpdater().getLearningRate(0, epoch);
            }
        }
        return Double.NaN;
    }

    private Updaters() {
    }
}
