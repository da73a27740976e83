package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.gradient.Gradient;
import org.distill4j.api.TrainingHook;

import java.util.Objects;

/**
 * A plugin's {@link TrainingHook} as one link of the engine's chain of update hooks: it edits the gradient first and
 * the parameters last, so that what it keeps (pruned weights at zero) holds whatever the rest of the chain does.
 */
public final class PluginTrainingHook implements TrainableGraph.UpdateHook {

    private final TrainingHook hook;
    private final TrainableGraph.UpdateHook next;

    private PluginTrainingHook(TrainingHook hook, TrainableGraph.UpdateHook next) {
        this.hook = Objects.requireNonNull(hook, "hook");
        this.next = Objects.requireNonNull(next, "next");
    }

    /**
     * Starts the plugin's hook on the graph (before its first step) and returns the chain: {@code next} alone for
     * {@link TrainingHook#NONE}.
     */
    public static TrainableGraph.UpdateHook start(TrainingHook hook, TrainableGraph graph,
            TrainableGraph.UpdateHook next) {
        if (hook == TrainingHook.NONE) {
            return next;
        }
        hook.start(graph);
        return new PluginTrainingHook(hook, next);
    }

    @Override
    public void beforeUpdate(TrainableGraph graph, Gradient gradient) {
        hook.beforeUpdate(graph, gradient);
        next.beforeUpdate(graph, gradient);
    }

    @Override
    public void afterUpdate(TrainableGraph graph) {
        next.afterUpdate(graph);
        hook.afterUpdate(graph);
    }
}
