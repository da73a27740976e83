package org.distill4j.api;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Edits a network's parameter gradients before each optimizer update and its parameters after it, in every training
 * the kernel runs of it. A compressor hands one on with its {@link Compression} (unstructured pruning keeps its
 * pruned weights at zero through the student's training) and passes one to {@link CompressionContext#retrain}.
 *
 * <p>The kernel calls {@link #start} once before the first step of each training, then around every update
 * {@link #beforeUpdate} (after weight decay has been added to the gradient, before the updater reads it) and
 * {@link #afterUpdate}.
 */
public interface TrainingHook {

    /** A hook that changes nothing. */
    TrainingHook NONE = new TrainingHook() {
    };

    /** Brings the parameters into the state the hook keeps, before the first step of a training. */
    default void start(ComputationGraph network) {
    }

    /** Edits the gradient (a view the updater reads next) before the update. */
    default void beforeUpdate(ComputationGraph network, Gradient gradient) {
    }

    /** Edits the parameters after they were updated. */
    default void afterUpdate(ComputationGraph network) {
    }
}
