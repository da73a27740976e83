package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;

/**
 * A loss value and its gradient with respect to every graph output.
 *
 * @param value  the loss of the batch
 * @param errors {@code dLoss/dOutput}, one array per graph output in output order (zeros where the loss does not
 *               read the output), as DL4J's external-errors back-propagation wants them
 */
public record FewSampleLoss(double value, INDArray[] errors) {

    public FewSampleLoss {
        Objects.requireNonNull(errors, "errors");
    }
}
