package org.distill4j.plugin.probabilistictransfer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Independent slow reference for the tests: the authors' loss written with plain loops. */
final class ProbabilisticTransferReference {

    static final double EPSILON = 1e-7;

    /** {@code 1/B^2 sum_ij P log((P + eps) / (Q + eps))} with P the teacher's and Q the student's probabilities. */
    static double loss(double[][] student, double[][] teacher) {
        double[][] q = probabilities(student);
        double[][] p = probabilities(teacher);
        int batch = student.length;
        double total = 0;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                total += p[i][j] * Math.log((p[i][j] + EPSILON) / (q[i][j] + EPSILON));
            }
        }
        return total / ((double) batch * batch);
    }

    /** Rows of (cos + 1)/2 over every two samples, each divided by its sum. */
    static double[][] probabilities(double[][] features) {
        int batch = features.length;
        double[][] unit = new double[batch][];
        for (int i = 0; i < batch; i++) {
            double squared = 0;
            for (double value : features[i]) {
                squared += value * value;
            }
            double norm = Math.sqrt(squared);
            unit[i] = new double[features[i].length];
            for (int e = 0; e < features[i].length; e++) {
                unit[i][e] = features[i][e] / (norm + EPSILON);
            }
        }
        double[][] probabilities = new double[batch][batch];
        for (int i = 0; i < batch; i++) {
            double rowSum = 0;
            for (int j = 0; j < batch; j++) {
                double cosine = 0;
                for (int e = 0; e < unit[i].length; e++) {
                    cosine += unit[i][e] * unit[j][e];
                }
                probabilities[i][j] = (cosine + 1) / 2;
                rowSum += probabilities[i][j];
            }
            for (int j = 0; j < batch; j++) {
                probabilities[i][j] /= rowSum;
            }
        }
        return probabilities;
    }

    /** {@code [B][C][H][W]} flattened per sample in NCHW order. */
    static double[][] flatten(double[][][][] maps) {
        int channels = maps[0].length;
        int height = maps[0][0].length;
        int width = maps[0][0][0].length;
        double[][] rows = new double[maps.length][channels * height * width];
        for (int b = 0; b < maps.length; b++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        rows[b][(c * height + y) * width + x] = maps[b][c][y][x];
                    }
                }
            }
        }
        return rows;
    }

    static double[][] randomVectors(long seed, int batch, int units) {
        Random random = new Random(seed);
        double[][] vectors = new double[batch][units];
        for (double[] vector : vectors) {
            for (int u = 0; u < units; u++) {
                vector[u] = random.nextGaussian();
            }
        }
        return vectors;
    }

    static double[][][][] randomMaps(long seed, int batch, int channels, int height, int width) {
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

    static INDArray array(double[][] vectors) {
        return Nd4j.createFromArray(vectors).castTo(DataType.DOUBLE);
    }

    static INDArray array(double[][][][] maps) {
        return Nd4j.createFromArray(maps).castTo(DataType.DOUBLE);
    }

    private ProbabilisticTransferReference() {
    }
}
