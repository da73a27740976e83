package org.distill4j.plugin.fsp;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Independent slow references for the tests: plain loops over {@code [b][c][h][w]} arrays. */
final class FspReference {

    /**
     * The FSP matrix of one sample, {@code G[i][j] = sum_{y,x} first[i][y][x] second[j][y][x] / (h w)}, after
     * block-averaging the larger map to the smaller size.
     */
    static double[][] matrix(double[][][] first, double[][][] second) {
        int height = Math.min(first[0].length, second[0].length);
        int width = Math.min(first[0][0].length, second[0][0].length);
        double[][][] left = pool(first, height, width);
        double[][][] right = pool(second, height, width);
        double[][] matrix = new double[left.length][right.length];
        for (int i = 0; i < left.length; i++) {
            for (int j = 0; j < right.length; j++) {
                double sum = 0;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        sum += left[i][y][x] * right[j][y][x];
                    }
                }
                matrix[i][j] = sum / (height * width);
            }
        }
        return matrix;
    }

    /**
     * One pair's term: code mode is the mean over samples and matrix entries of the squared difference, paper mode
     * the mean over samples of the squared Frobenius norm of the difference.
     */
    static double term(double[][][][] studentFirst, double[][][][] studentSecond, double[][][][] teacherFirst,
            double[][][][] teacherSecond, FspMode mode) {
        double total = 0;
        long entries = 0;
        for (int b = 0; b < studentFirst.length; b++) {
            double[][] student = matrix(studentFirst[b], studentSecond[b]);
            double[][] teacher = matrix(teacherFirst[b], teacherSecond[b]);
            for (int i = 0; i < student.length; i++) {
                for (int j = 0; j < student[i].length; j++) {
                    double difference = teacher[i][j] - student[i][j];
                    total += difference * difference;
                    entries++;
                }
            }
        }
        return mode == FspMode.CODE ? total / entries : total / studentFirst.length;
    }

    /** One sample's channels averaged over blocks down to {@code height x width}. */
    static double[][][] pool(double[][][] sample, int height, int width) {
        int rows = sample[0].length / height;
        int columns = sample[0][0].length / width;
        double[][][] pooled = new double[sample.length][height][width];
        for (int c = 0; c < sample.length; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < rows; dy++) {
                        for (int dx = 0; dx < columns; dx++) {
                            sum += sample[c][y * rows + dy][x * columns + dx];
                        }
                    }
                    pooled[c][y][x] = sum / (rows * columns);
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

    private FspReference() {
    }
}
