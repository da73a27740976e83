package org.distill4j.plugin.activationboundaries;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * An independent brute-force AB loss in plain double loops, written from the reference code: the connector (1x1
 * convolution, then batch norm over batch and positions with the biased variance and eps 1e-5), then
 * {@code criterion_alternative_L2} with its explicit conditions (not the relu form the distiller uses).
 */
final class ActivationBoundariesReference {

    /** A 1x1 convolution {@code weight[c_s][c_t]} and a training-mode batch norm of {@code gamma}, {@code beta}. */
    static double[][][][] connect(double[][][][] student, double[][] weight, double[] gamma, double[] beta) {
        int batch = student.length;
        int inputs = weight.length;
        int outputs = weight[0].length;
        int height = student[0][0].length;
        int width = student[0][0][0].length;
        double[][][][] convolved = new double[batch][outputs][height][width];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double sum = 0;
                        for (int i = 0; i < inputs; i++) {
                            sum += weight[i][o] * student[b][i][y][x];
                        }
                        convolved[b][o][y][x] = sum;
                    }
                }
            }
        }
        double count = batch * height * width;
        double[][][][] normalised = new double[batch][outputs][height][width];
        for (int o = 0; o < outputs; o++) {
            double mean = 0;
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        mean += convolved[b][o][y][x] / count;
                    }
                }
            }
            double variance = 0;
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double centred = convolved[b][o][y][x] - mean;
                        variance += centred * centred / count;
                    }
                }
            }
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        normalised[b][o][y][x] = gamma[o] * (convolved[b][o][y][x] - mean)
                                / Math.sqrt(variance + 1e-5) + beta[o];
                    }
                }
            }
        }
        return normalised;
    }

    /** {@code criterion_alternative_L2(source, target, margin) / batch}: the sum over every element, per sample. */
    static double pairTerm(double[][][][] source, double[][][][] target, double margin) {
        double sum = 0;
        for (int b = 0; b < source.length; b++) {
            for (int c = 0; c < source[b].length; c++) {
                for (int y = 0; y < source[b][c].length; y++) {
                    for (int x = 0; x < source[b][c][y].length; x++) {
                        double s = source[b][c][y][x];
                        double t = target[b][c][y][x];
                        if (t <= 0 && s > -margin) {
                            sum += (s + margin) * (s + margin);
                        }
                        if (t > 0 && s <= margin) {
                            sum += (s - margin) * (s - margin);
                        }
                    }
                }
            }
        }
        return sum / source.length;
    }

    /** The smallest distance of any element to the hinge's kinks at {@code -margin} and {@code +margin}. */
    static double distanceToKinks(double[][][][] source, double margin) {
        double closest = Double.POSITIVE_INFINITY;
        for (double[][][] sample : source) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (double s : row) {
                        closest = Math.min(closest, Math.min(Math.abs(s - margin), Math.abs(s + margin)));
                    }
                }
            }
        }
        return closest;
    }

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

    static double[][] random(long seed, int rows, int columns) {
        Random random = new Random(seed);
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int i = 0; i < columns; i++) {
                row[i] = random.nextGaussian();
            }
        }
        return values;
    }

    static INDArray array(double[][][][] values) {
        return Nd4j.createFromArray(values);
    }

    /** {@code weight[c_s][c_t]} in the connector's YXIO layout {@code [1, 1, C_s, C_t]}. */
    static INDArray kernel(double[][] weight) {
        return Nd4j.createFromArray(weight).reshape(1, 1, weight.length, weight[0].length);
    }

    private ActivationBoundariesReference() {
    }
}
