package org.distill4j.plugin.neuronselectivity;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Independent slow reference in plain double loops over {@code [b][c][h][w]} arrays, written from
 * TuSimple/neuron-selectivity-transfer {@code symbol/transfer.py} ({@code mmd_poly}) and RepDistiller
 * {@code distiller_zoo/NST.py}, not from the SameDiff code.
 */
final class NeuronSelectivityReference {

    /** The batch mean of the per-sample squared MMD between the normalised channel patterns. */
    static double squaredDiscrepancy(double[][][][] student, double[][][][] teacher, int degree, double constant) {
        double total = 0;
        for (int b = 0; b < student.length; b++) {
            double[][] s = patterns(student[b]);
            double[][] t = patterns(teacher[b]);
            total += meanKernel(t, t, degree, constant) + meanKernel(s, s, degree, constant)
                    - 2 * meanKernel(s, t, degree, constant);
        }
        return total / student.length;
    }

    /** Every channel's H W values, row by row, divided by {@code sqrt(sum^2 + 1e-10)}. */
    static double[][] patterns(double[][][] sample) {
        int height = sample[0].length;
        int width = sample[0][0].length;
        double[][] rows = new double[sample.length][height * width];
        for (int c = 0; c < sample.length; c++) {
            double squared = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    squared += sample[c][y][x] * sample[c][y][x];
                }
            }
            double norm = Math.sqrt(squared + 1e-10);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    rows[c][y * width + x] = sample[c][y][x] / norm;
                }
            }
        }
        return rows;
    }

    /** The mean of {@code (a_i . b_j + c)^d} over all {@code i, j}. */
    static double meanKernel(double[][] first, double[][] second, int degree, double constant) {
        double total = 0;
        for (double[] a : first) {
            for (double[] b : second) {
                double dot = 0;
                for (int n = 0; n < a.length; n++) {
                    dot += a[n] * b[n];
                }
                total += Math.pow(dot + constant, degree);
            }
        }
        return total / (first.length * second.length);
    }

    /** Averages blocks of {@code factor x factor} in every channel. */
    static double[][][][] pool(double[][][][] maps, int factor) {
        int height = maps[0][0].length / factor;
        int width = maps[0][0][0].length / factor;
        double[][][][] pooled = new double[maps.length][maps[0].length][height][width];
        for (int b = 0; b < maps.length; b++) {
            for (int c = 0; c < maps[0].length; c++) {
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
                        row[x] = random.nextGaussian();
                    }
                }
            }
        }
        return maps;
    }

    static INDArray array(double[][][][] maps) {
        return Nd4j.createFromArray(maps).castTo(DataType.DOUBLE);
    }

    private NeuronSelectivityReference() {
    }
}
