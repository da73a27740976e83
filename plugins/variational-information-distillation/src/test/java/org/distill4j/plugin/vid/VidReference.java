package org.distill4j.plugin.vid;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * An independent brute-force VID in plain double loops, written from RepDistiller's {@code VIDLoss.forward}: pool the
 * larger map, regress every position through conv1x1-ReLU-conv1x1-ReLU-conv1x1, and average
 * {@code 1/2 (log var + (t - mu)^2 / var)} with {@code var = log(1 + exp(logScale)) + eps}.
 */
final class VidReference {

    /** One pair's term; {@code first} is {@code [Cs][M]}, {@code second} {@code [M][M]}, {@code third} {@code [M][Ct]}. */
    static double pairLoss(double[][][][] student, double[][][][] teacher, double[][] first, double[][] second,
            double[][] third, double[] logScale, double epsilon) {
        int height = Math.min(student[0][0].length, teacher[0][0].length);
        int width = Math.min(student[0][0][0].length, teacher[0][0][0].length);
        double[][][][] s = pool(student, height, width);
        double[][][][] t = pool(teacher, height, width);
        int batch = s.length;
        int teacherChannels = t[0].length;
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    double[] position = new double[s[b].length];
                    for (int c = 0; c < position.length; c++) {
                        position[c] = s[b][c][i][j];
                    }
                    double[] mean = layer(relu(layer(relu(layer(position, first)), second)), third);
                    for (int c = 0; c < teacherChannels; c++) {
                        double variance = softplus(logScale[c]) + epsilon;
                        double difference = t[b][c][i][j] - mean[c];
                        sum += 0.5 * (Math.log(variance) + difference * difference / variance);
                    }
                }
            }
        }
        return sum / ((double) batch * teacherChannels * height * width);
    }

    static double[][][][] pool(double[][][][] map, int height, int width) {
        int rows = map[0][0].length / height;
        int columns = map[0][0][0].length / width;
        double[][][][] pooled = new double[map.length][map[0].length][height][width];
        for (int b = 0; b < map.length; b++) {
            for (int c = 0; c < map[b].length; c++) {
                for (int i = 0; i < height; i++) {
                    for (int j = 0; j < width; j++) {
                        double sum = 0;
                        for (int u = 0; u < rows; u++) {
                            for (int v = 0; v < columns; v++) {
                                sum += map[b][c][i * rows + u][j * columns + v];
                            }
                        }
                        pooled[b][c][i][j] = sum / (rows * columns);
                    }
                }
            }
        }
        return pooled;
    }

    private static double[] layer(double[] input, double[][] weight) {
        double[] output = new double[weight[0].length];
        for (int out = 0; out < output.length; out++) {
            for (int in = 0; in < input.length; in++) {
                output[out] += input[in] * weight[in][out];
            }
        }
        return output;
    }

    private static double[] relu(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.max(0, values[i]);
        }
        return result;
    }

    static double[][][][] random(long seed, int batch, int channels, int height, int width) {
        Random random = new Random(seed);
        double[][][][] values = new double[batch][channels][height][width];
        for (double[][][] sample : values) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = random.nextGaussian();
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
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian() * 0.7;
            }
        }
        return values;
    }

    static double[] uniform(long seed, int length, double low, double high) {
        Random random = new Random(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        return values;
    }

    static INDArray array(double[][][][] values) {
        return Nd4j.createFromArray(values).castTo(DataType.DOUBLE);
    }

    static INDArray array(double[][] values) {
        return Nd4j.createFromArray(values).castTo(DataType.DOUBLE);
    }

    /** log(1 + exp(x)), written to stay finite for large x. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private VidReference() {
    }
}
