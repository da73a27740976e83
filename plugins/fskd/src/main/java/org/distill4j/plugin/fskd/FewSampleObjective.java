package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A loss over the graph outputs of a few-sample training step. */
public interface FewSampleObjective {

    /**
     * @param outputs the graph outputs (logits first, then taps) for the batch
     * @return the loss and its gradient with respect to each output
     */
    FewSampleLoss evaluate(INDArray[] outputs, FewSampleBatch batch);
}
