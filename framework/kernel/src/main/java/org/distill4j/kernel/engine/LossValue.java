package org.distill4j.kernel.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * The loss of one batch, its reported terms, and its gradient with respect to every student tap and every trainable
 * parameter of the loss.
 *
 * @param loss               the total (weighted sum of the objectives)
 * @param terms              named scalars reported by the objectives, in definition order
 * @param gradients          the gradient for each student tap (zeros where the loss does not depend on it)
 * @param parameterGradients the gradient for each loss parameter ({@link LossParameters}), by name; empty when the
 *                           loss has none
 */
public record LossValue(double loss, Map<String, Double> terms, Map<String, INDArray> gradients,
        Map<String, INDArray> parameterGradients) {

    /** A loss without parameters. */
    public LossValue(double loss, Map<String, Double> terms, Map<String, INDArray> gradients) {
        this(loss, terms, gradients, Map.of());
    }
}
