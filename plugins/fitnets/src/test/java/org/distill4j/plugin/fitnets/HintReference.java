package org.distill4j.plugin.fitnets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** A slow, independent hint loss written as explicit loops, for golden values. */
final class HintReference {

    /** Gaussian values {@code [batch][channels][height][width]}. */
    static double[][][][] random(long seed, int batch, int channels, int height, int width) {
        Random random = new Random(seed);
        double[][][][] values = new double[batch][channels][height][width];
        for (double[][][] sample : values) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (int x = 0; x < width; x++) {
                        row[x] = random.nextGaussian();
                    }
                }
            }
        }
        return values;
    }

    /** Gaussian values of any rank's worth of elements, {@code length} long. */
    static double[] random(long seed, int length) {
        Random random = new Random(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    /**
     * The valid, stride-1 convolution of one sample with bias: {@code out[o][i][j] = bias[o] + sum_{c,p,q}
     * in[c][i+p][j+q] * weight[p][q][c][o]}, weights in the {@code [kH, kW, C_in, C_out]} layout.
     */
    static double[][][] convolve(double[][][] in, double[][][][] weight, double[] bias) {
        int kernelHeight = weight.length;
        int kernelWidth = weight[0].length;
        int outputs = bias.length;
        int height = in[0].length - kernelHeight + 1;
        int width = in[0][0].length - kernelWidth + 1;
        double[][][] out = new double[outputs][height][width];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    double sum = bias[o];
                    for (int c = 0; c < in.length; c++) {
                        for (int p = 0; p < kernelHeight; p++) {
                            for (int q = 0; q < kernelWidth; q++) {
                                sum += in[c][i + p][j + q] * weight[p][q][c][o];
                            }
                        }
                    }
                    out[o][i][j] = sum;
                }
            }
        }
        return out;
    }

    /** The hint loss between maps through a convolution regressor. */
    static double mapLoss(double[][][][] student, double[][][][] teacher, double[][][][] weight, double[] bias,
            HintReduction reduction) {
        double total = 0;
        long elements = 0;
        for (int b = 0; b < student.length; b++) {
            double[][][] regressed = convolve(student[b], weight, bias);
            for (int c = 0; c < regressed.length; c++) {
                for (int i = 0; i < regressed[c].length; i++) {
                    for (int j = 0; j < regressed[c][i].length; j++) {
                        double difference = teacher[b][c][i][j] - regressed[c][i][j];
                        total += difference * difference;
                        elements++;
                    }
                }
            }
        }
        return reduce(total, elements, student.length, reduction);
    }

    /**
     * The hint loss between maps through RepDistiller's ConvReg: the convolution, then batch norm in training mode
     * (per channel, the mean and biased variance over the batch and positions, eps 1e-5, then gamma and beta), then
     * a ReLU.
     */
    static double convRegLoss(double[][][][] student, double[][][][] teacher, double[][][][] weight, double[] bias,
            double[] gamma, double[] beta, HintReduction reduction) {
        int batch = student.length;
        double[][][][] regressed = new double[batch][][][];
        for (int b = 0; b < batch; b++) {
            regressed[b] = convolve(student[b], weight, bias);
        }
        int channels = bias.length;
        int height = regressed[0][0].length;
        int width = regressed[0][0][0].length;
        double total = 0;
        long elements = 0;
        for (int c = 0; c < channels; c++) {
            double mean = 0;
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < height; i++) {
                    for (int j = 0; j < width; j++) {
                        mean += regressed[b][c][i][j];
                    }
                }
            }
            mean /= batch * height * width;
            double variance = 0;
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < height; i++) {
                    for (int j = 0; j < width; j++) {
                        variance += (regressed[b][c][i][j] - mean) * (regressed[b][c][i][j] - mean);
                    }
                }
            }
            variance /= batch * height * width;
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < height; i++) {
                    for (int j = 0; j < width; j++) {
                        double normalised = (regressed[b][c][i][j] - mean) / Math.sqrt(variance + 1e-5);
                        double activated = Math.max(0, gamma[c] * normalised + beta[c]);
                        double difference = teacher[b][c][i][j] - activated;
                        total += difference * difference;
                        elements++;
                    }
                }
            }
        }
        return reduce(total, elements, batch, reduction);
    }

    /** The hint loss between vectors through a dense regressor {@code weight[C_s][C_t]}. */
    static double vectorLoss(double[][] student, double[][] teacher, double[][] weight, double[] bias,
            HintReduction reduction) {
        double total = 0;
        long elements = 0;
        for (int b = 0; b < student.length; b++) {
            for (int o = 0; o < bias.length; o++) {
                double regressed = bias[o];
                for (int c = 0; c < student[b].length; c++) {
                    regressed += student[b][c] * weight[c][o];
                }
                double difference = teacher[b][o] - regressed;
                total += difference * difference;
                elements++;
            }
        }
        return reduce(total, elements, student.length, reduction);
    }

    private static double reduce(double sumOfSquares, long elements, int batch, HintReduction reduction) {
        return reduction == HintReduction.PAPER ? 0.5 * sumOfSquares / batch : sumOfSquares / elements;
    }

    /** {@code [kH][kW][C_in][C_out]} weights from a flat array in that (row-major) order. */
    static double[][][][] kernel(double[] flat, int kernelHeight, int kernelWidth, int inputs, int outputs) {
        double[][][][] weight = new double[kernelHeight][kernelWidth][inputs][outputs];
        int index = 0;
        for (int p = 0; p < kernelHeight; p++) {
            for (int q = 0; q < kernelWidth; q++) {
                for (int c = 0; c < inputs; c++) {
                    for (int o = 0; o < outputs; o++) {
                        weight[p][q][c][o] = flat[index++];
                    }
                }
            }
        }
        return weight;
    }

    static INDArray array(double[][][][] values) {
        return Nd4j.createFromArray(values);
    }

    static INDArray array(double[][] values) {
        return Nd4j.createFromArray(values);
    }

    private HintReference() {
    }
}
