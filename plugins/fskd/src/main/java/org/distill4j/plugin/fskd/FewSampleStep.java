package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * The result of one forward and backward pass.
 *
 * @param loss      the batch loss before the update
 * @param gradients the gradient of each parameter, keyed {@code <vertex>_<parameter>}
 */
public record FewSampleStep(double loss, Map<String, INDArray> gradients) {

    public FewSampleStep {
        gradients = Map.copyOf(gradients);
    }
}
