package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The {@code training.batch-norm-l1} regulariser, an L1 penalty on batch-norm scales beside weight decay's L2 on
 * every parameter: after back-propagation, {@code lambda * sign(gamma)} is added to the gradient of every batch-norm
 * scale, the subgradient of {@code lambda * sum |gamma|}, so the optimizer (momentum included) sees it as part of the
 * loss. It drives unimportant channels' scales towards zero, which a channel pruner can then remove (the pruning
 * plugin's README says which compressor reads them). DL4J's own L1 regularisation never reaches batch-norm
 * parameters, hence this hook.
 */
public final class BatchNormScaleL1 implements TrainableGraph.UpdateHook {

    private static final String GAMMA = "gamma";

    private final double lambda;
    private final TrainableGraph.UpdateHook next;

    /** The sparsity term, then whatever {@code next} does around the same update. */
    public BatchNormScaleL1(double lambda, TrainableGraph.UpdateHook next) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number > 0, got " + lambda);
        }
        this.lambda = lambda;
        this.next = next;
    }

    /** The hook for a coefficient: {@code next} alone when it is 0. */
    public static TrainableGraph.UpdateHook of(double lambda, TrainableGraph.UpdateHook next) {
        return lambda == 0 ? next : new BatchNormScaleL1(lambda, next);
    }

    @Override
    public void beforeUpdate(TrainableGraph graph, Gradient gradient) {
        for (GraphVertex vertex : graph.getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer() instanceof BatchNormalization layer) {
                INDArray scaleGradient = gradient.getGradientFor(vertex.getVertexName() + "_" + GAMMA);
                scaleGradient.addi(Transforms.sign(layer.getParam(GAMMA), true).muli(lambda));
            }
        }
        next.beforeUpdate(graph, gradient);
    }

    @Override
    public void afterUpdate(TrainableGraph graph) {
        next.afterUpdate(graph);
    }
}
