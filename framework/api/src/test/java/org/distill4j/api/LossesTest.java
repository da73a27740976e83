package org.distill4j.api;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LossesTest {

    @Test
    void logSoftmaxStaysFiniteWhereNd4jsUnderflows() {
        float[][] logits = {{300f, 0f, 1f}, {0f, -50f, -200f}, {1f, 2f, 3f}};
        INDArray result = evaluate(logits);

        for (int row = 0; row < logits.length; row++) {
            double logSum = logSumExp(logits[row]);
            for (int column = 0; column < 3; column++) {
                assertThat(result.getDouble(row, column)).isCloseTo(logits[row][column] - logSum, within(1e-4));
            }
        }
    }

    @Test
    void logSoftmaxGradientIsSoftmaxMinusTargetForCrossEntropy() {
        SameDiff sameDiff = SameDiff.create();
        SDVariable logits = sameDiff.placeHolder("logits", DataType.DOUBLE, -1, 3);
        SDVariable targets = sameDiff.placeHolder("targets", DataType.DOUBLE, -1, 3);
        SDVariable loss = Losses.crossEntropy(sameDiff, logits, targets);
        sameDiff.setLossVariables(loss.name());
        sameDiff.createGradFunction("logits");
        INDArray values = Nd4j.createFromArray(new double[][] {{300, 0, 1}, {0.5, -1, 2}});
        INDArray oneHot = Nd4j.createFromArray(new double[][] {{0, 1, 0}, {0, 0, 1}});

        INDArray gradient = sameDiff.calculateGradients(Map.of("logits", values, "targets", oneHot), "logits").get("logits");

        // d/dz mean_b CE = (softmax(z) - y) / B
        double[][] softmax = {{1, Math.exp(-300) , Math.exp(-299)}, softmax(new double[] {0.5, -1, 2})};
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 3; column++) {
                assertThat(gradient.getDouble(row, column))
                        .isCloseTo((softmax[row][column] - oneHot.getDouble(row, column)) / 2, within(1e-9));
            }
        }
        assertThat(sameDiff.output(Map.of("logits", values, "targets", oneHot), loss.name()).get(loss.name()).getDouble(0))
                .isCloseTo((300 + (logSumExp(new double[] {0.5, -1, 2}) - 2)) / 2, within(1e-9));
    }

    private static INDArray evaluate(float[][] logits) {
        SameDiff sameDiff = SameDiff.create();
        SDVariable input = sameDiff.placeHolder("logits", DataType.FLOAT, -1, 3);
        SDVariable output = Losses.logSoftmax(sameDiff, input);
        return sameDiff.output(Map.of("logits", Nd4j.createFromArray(logits)), output.name()).get(output.name());
    }

    private static double logSumExp(float[] values) {
        double[] asDouble = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            asDouble[i] = values[i];
        }
        return logSumExp(asDouble);
    }

    private static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    private static double[] softmax(double[] values) {
        double logSum = logSumExp(values);
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.exp(values[i] - logSum);
        }
        return result;
    }
}
