package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.distill4j.api.Optimizer;
import org.distill4j.api.WeightDecayScope;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.Map;
import java.util.Objects;

/**
 * Coupled L2 weight decay as PyTorch's optimizers apply it: {@code gradient += weightDecay * parameter} before the
 * updater, for the parameters the optimizer's {@link WeightDecayScope} names. DL4J's own L2 regularisation never
 * reaches batch-norm gamma and beta (its batch-norm layer returns no regularisation), whereas the papers' code decays
 * every parameter it passes to {@code torch.optim.SGD(model.parameters(), weight_decay=wd)}; so the kernel decays
 * here, with a 0/1 mask over the flattened parameter vector computed once, and gives DL4J no regularisation.
 *
 * <p>A parameter is trainable when its layer's updater for it is not DL4J's {@code NoOp}: batch norm's running mean
 * and variance (its {@code mean}, {@code var} or {@code log10stdev}) have a {@code NoOp} updater and are never
 * decayed. Weights are {@code W}, biases {@code b}, batch norm's trainable parameters {@code gamma} and {@code beta};
 * a trainable parameter of any other name counts as a weight.
 */
public final class WeightDecay implements TrainableGraph.UpdateHook {

    static final String WEIGHT = "W";
    static final String BIAS = "b";

    private final INDArray scaledMask;
    /** Holds {@code mask * parameters} each step: allocated once, a fresh detached array per step is a page-fault storm. */
    private final INDArray decay;
    private final TrainableGraph.UpdateHook next;

    /**
     * @param graph       the graph whose flattened parameters the mask covers (its layers' updaters configured)
     * @param coefficient the decay, {@code > 0}
     * @param scope       which parameters decay
     * @param next        whatever else edits the gradient of the same update; it runs first, as the papers' code
     *                    edits gradients (masks, the L1 penalty on batch-norm scales) before {@code optimizer.step()}
     */
    public WeightDecay(TrainableGraph graph, double coefficient, WeightDecayScope scope, TrainableGraph.UpdateHook next) {
        if (!(coefficient > 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("weight decay must be a finite number > 0, got " + coefficient);
        }
        Objects.requireNonNull(scope, "scope");
        this.next = Objects.requireNonNull(next, "next");
        this.scaledMask = mask(graph, scope).muli(coefficient);
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.decay = scaledMask.ulike();
        }
    }

    /** The hook for an optimizer: {@code next} alone when its weight decay is 0. */
    public static TrainableGraph.UpdateHook of(TrainableGraph graph, Optimizer optimizer,
            TrainableGraph.UpdateHook next) {
        return optimizer.weightDecay() == 0 ? next
                : new WeightDecay(graph, optimizer.weightDecay(), optimizer.weightDecayScope(), next);
    }

    /**
     * The 0/1 decay mask over the graph's flattened parameters, shaped like them. Computed through the layers' own
     * parameter views, so no assumption about DL4J's parameter order is needed.
     */
    public static INDArray mask(TrainableGraph graph, WeightDecayScope scope) {
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray parameters = graph.params();
            INDArray saved = parameters.dup();
            parameters.assign(0);
            for (GraphVertex vertex : graph.getVertices()) {
                if (!vertex.hasLayer() || vertex.getLayer().numParams() == 0) {
                    continue;
                }
                Layer layer = vertex.getLayer();
                for (Map.Entry<String, INDArray> parameter : layer.paramTable().entrySet()) {
                    if (decays(layer, parameter.getKey(), scope)) {
                        parameter.getValue().assign(1);
                    }
                }
            }
            INDArray mask = parameters.dup();
            parameters.assign(saved);
            return mask;
        }
    }

    private static boolean decays(Layer layer, String name, WeightDecayScope scope) {
        if (!(layer.conf().getLayer() instanceof BaseLayer configuration)
                || configuration.getUpdaterByParam(name) instanceof NoOp) {
            return false;
        }
        return switch (scope) {
            case ALL -> true;
            case WEIGHTS_AND_BIASES -> !isBatchNorm(layer);
            case WEIGHTS -> !isBatchNorm(layer) && !name.equals(BIAS);
        };
    }

    private static boolean isBatchNorm(Layer layer) {
        // Gamma marks a normalisation layer whatever class implements it (the kernel may swap in faster layers).
        return layer.paramTable().containsKey("gamma");
    }

    @Override
    public void beforeUpdate(TrainableGraph graph, Gradient gradient) {
        next.beforeUpdate(graph, gradient);
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray flat = gradient.gradient();
            INDArray parameters = graph.params();
            if (parameters.dataType() != decay.dataType() || flat.dataType() != decay.dataType()) {
                flat.addi(parameters.mul(scaledMask).reshape(flat.shape()).castTo(flat.dataType()));
                return;
            }
            Nd4j.exec(new MulOp(parameters.reshape(decay.shape()), scaledMask, decay));
            flat.addi(decay.reshape(flat.shape()));
        }
    }

    @Override
    public void afterUpdate(TrainableGraph graph) {
        next.afterUpdate(graph);
    }
}
