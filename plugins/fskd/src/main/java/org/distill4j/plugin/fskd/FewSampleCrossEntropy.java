package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax cross-entropy of the logits (graph output 0) against the labels, mean over the batch: the few-sample
 * fine-tuning baseline, the only aligner that reads labels. {@code dL/dz = (softmax(z) - onehot(y)) / batch}.
 */
public final class FewSampleCrossEntropy implements FewSampleObjective {

    @Override
    public FewSampleLoss evaluate(INDArray[] outputs, FewSampleBatch batch) {
        INDArray logits = outputs[0].castTo(DataType.DOUBLE);
        long count = logits.size(0);
        // Subtracting the row maximum keeps exp from overflowing; softmax is unchanged by it.
        INDArray shifted = logits.subColumnVector(logits.max(1).reshape(count, 1));
        INDArray probabilities = Transforms.exp(shifted, true);
        INDArray sums = probabilities.sum(1).reshape(count, 1);
        probabilities.diviColumnVector(sums);
        INDArray logSums = Transforms.log(sums, true);
        double value = 0;
        INDArray error = probabilities.dup();
        for (int row = 0; row < count; row++) {
            int label = batch.labels()[row];
            value -= shifted.getDouble(row, label) - logSums.getDouble(row, 0);
            error.putScalar(row, label, error.getDouble(row, label) - 1);
        }
        INDArray[] errors = new INDArray[outputs.length];
        errors[0] = error.divi(count).castTo(outputs[0].dataType());
        for (int index = 1; index < outputs.length; index++) {
            errors[index] = Nd4j.zeros(outputs[index].dataType(), outputs[index].shape());
        }
        return new FewSampleLoss(value / count, errors);
    }
}
