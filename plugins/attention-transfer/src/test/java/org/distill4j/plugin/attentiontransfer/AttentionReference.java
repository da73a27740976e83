package org.distill4j.plugin.attentiontransfer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Independent slow references for the tests: plain loops over {@code [b][c][h][w]} arrays. */
final class AttentionReference {

    /** The attention vector of one sample, normalised: F over channels, flattened row by row. */
    static double[] attention(double[][][] sample, AttentionMapping mapping, double p) {
        int height = sample[0].length;
        int width = sample[0][0].length;
        double[] map = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = 0;
                for (double[][] channel : sample) {
                    double magnitude = Math.abs(channel[y][x]);
                    double term = mapping == AttentionMapping.SUM ? magnitude : Math.pow(magnitude, p);
                    value = mapping == AttentionMapping.MAX_P ? Math.max(value, term) : value + term;
                }
                map[y * width + x] = value;
            }
        }
        return normalized(map);
    }

    /** The whole activation of one sample, flattened channel by channel, normalised. */
    static double[] activation(double[][][] sample) {
        int height = sample[0].length;
        int width = sample[0][0].length;
        double[] flat = new double[sample.length * height * width];
        for (int c = 0; c < sample.length; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    flat[(c * height + y) * width + x] = sample[c][y][x];
                }
            }
        }
        return normalized(flat);
    }

    /** Code mode: mean over samples and elements of the squared difference. */
    static double codeDistance(double[][] student, double[][] teacher) {
        double total = 0;
        for (int b = 0; b < student.length; b++) {
            for (int i = 0; i < student[b].length; i++) {
                total += (student[b][i] - teacher[b][i]) * (student[b][i] - teacher[b][i]);
            }
        }
        return total / (student.length * student[0].length);
    }

    /** Paper mode: sum over samples of the L2 norm of the difference, divided by 2 B N. */
    static double paperDistance(double[][] student, double[][] teacher) {
        double total = 0;
        for (int b = 0; b < student.length; b++) {
            double squared = 0;
            for (int i = 0; i < student[b].length; i++) {
                squared += (student[b][i] - teacher[b][i]) * (student[b][i] - teacher[b][i]);
            }
            total += Math.sqrt(squared);
        }
        return total / (2.0 * student.length * student[0].length);
    }

    /** Averages blocks of {@code factor x factor} in every channel. */
    static double[][][][] pool(double[][][][] maps, int factor) {
        int batch = maps.length;
        int channels = maps[0].length;
        int height = maps[0][0].length / factor;
        int width = maps[0][0][0].length / factor;
        double[][][][] pooled = new double[batch][channels][height][width];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double sum = 0;
                        for (int dy = 0; dy < factor; dy++) {
                            for (int dx = 0; dx < factor; dx++) {
                                sum += maps[b][c][y * factor + dy][x * factor + dx];
                            }
                        }
                        pooled[b][c][y][x] = sum / (factor * factor);
                    }
                }
            }
        }
        return pooled;
    }

    static double[][][][] random(long seed, int batch, int channels, int height, int width) {
        Random random = new Random(seed);
        double[][][][] maps = new double[batch][channels][height][width];
        for (double[][][] sample : maps) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (int x = 0; x < row.length; x++) {
                        // Away from zero so |A| has a derivative and maxima are unique.
                        row[x] = (random.nextBoolean() ? 1 : -1) * (0.2 + random.nextDouble());
                    }
                }
            }
        }
        return maps;
    }

    static INDArray array(double[][][][] maps) {
        return Nd4j.createFromArray(maps).castTo(DataType.DOUBLE);
    }

    private static double[] normalized(double[] vector) {
        double norm = 0;
        for (double value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        double[] result = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = vector[i] / (norm + AttentionMaps.NORM_EPSILON);
        }
        return result;
    }

    private AttentionReference() {
    }
}
