package org.distill4j.models.graph;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * How to build a graph from a spec.
 *
 * <p>Weight decay is DL4J L2 regularisation applied before the updater, so the gradient of every conv and dense
 * weight and bias gets {@code weightDecay * w} added, as PyTorch's {@code weight_decay} does. DL4J never regularises
 * batch-norm parameters (its {@code BatchNormalization} returns no regularisation for gamma and beta), whereas
 * PyTorch code that passes {@code model.parameters()} also decays them; a training loop that needs that adds
 * {@code weightDecay * gamma} (and beta) itself.
 *
 * @param seed        seeds the weight initialisation; the same seed gives the same initial parameters
 * @param updater     the graph's own updater (it holds learning-rate state); {@link NoOp} for inference-only graphs.
 *                    DL4J keeps a reference, so do not share one mutable instance between graphs that must differ
 * @param weightDecay the L2 coefficient on conv and dense weights and biases, {@code >= 0}
 * @param taps        spec vertices to expose as extra graph outputs (see {@link GraphOutputs})
 */
public record GraphSettings(long seed, IUpdater updater, double weightDecay, Set<String> taps) {

    public GraphSettings {
        Objects.requireNonNull(updater, "updater");
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        taps = Set.copyOf(Objects.requireNonNull(taps, "taps"));
    }

    /** An inference-only graph: no updater, no weight decay, no taps. */
    public static GraphSettings inference(long seed) {
        return new GraphSettings(seed, new NoOp(), 0, Set.of());
    }

    public GraphSettings withUpdater(IUpdater newUpdater) {
        return new GraphSettings(seed, newUpdater, weightDecay, taps);
    }

    public GraphSettings withWeightDecay(double coefficient) {
        return new GraphSettings(seed, updater, coefficient, taps);
    }

    public GraphSettings withTaps(Collection<String> vertices) {
        return new GraphSettings(seed, updater, weightDecay, Set.copyOf(vertices));
    }

    public GraphSettings withSeed(long newSeed) {
        return new GraphSettings(newSeed, updater, weightDecay, taps);
    }
}
