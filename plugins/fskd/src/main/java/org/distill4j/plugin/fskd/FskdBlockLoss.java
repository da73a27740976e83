package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * The sum of the blocks' L2 losses, {@code L = sum_j mean((S_j - T_j)^2)} (mean over batch, channels and positions),
 * shared by FSKD-SGD (S_j is the output of Q_j) and the few-sample FitNet baseline (S_j is the block conv's output).
 * No labels: the teacher's pre-activations are the only targets. {@code dL/dS_j = 2 (S_j - T_j) / size(S_j)}.
 */
public final class FskdBlockLoss implements FewSampleObjective {

    private final List<Integer> outputs;

    /** @param outputs for each block, in the order of the batch targets, the graph output that carries S_j */
    public FskdBlockLoss(List<Integer> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public FewSampleLoss evaluate(INDArray[] graphOutputs, FewSampleBatch batch) {
        if (batch.targets().size() != outputs.size()) {
            throw new IllegalArgumentException("the batch has " + batch.targets().size() + " block targets for "
                    + outputs.size() + " blocks");
        }
        INDArray[] errors = new INDArray[graphOutputs.length];
        for (int index = 0; index < graphOutputs.length; index++) {
            errors[index] = Nd4j.zeros(graphOutputs[index].dataType(), graphOutputs[index].shape());
        }
        double value = 0;
        for (int block = 0; block < outputs.size(); block++) {
            int output = outputs.get(block);
            INDArray student = graphOutputs[output];
            INDArray difference = student.castTo(DataType.DOUBLE).subi(batch.targets().get(block).castTo(DataType.DOUBLE));
            double size = difference.length();
            value += difference.mul(difference).sumNumber().doubleValue() / size;
            errors[output].addi(difference.muli(2 / size).castTo(student.dataType()));
        }
        return new FewSampleLoss(value, errors);
    }
}
