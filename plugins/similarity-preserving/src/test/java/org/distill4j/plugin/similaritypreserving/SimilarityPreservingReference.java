package org.distill4j.plugin.similaritypreserving;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Independent slow reference for the tests: plain loops over per-sample flattened activations. */
final class SimilarityPreservingReference {

    /** {@code 1/B^2 sum_ij (G_s - G_t)^2} for {@code [B][elements]} activations. */
    static double loss(double[][] student, double[][] teacher) {
        double[][] studentGram = gram(student);
        double[][] teacherGram = gram(teacher);
        int batch = student.length;
        double total = 0;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                double difference = studentGram[i][j] - teacherGram[i][j];
                total += difference * difference;
            }
        }
        return total / ((double) batch * batch);
    }

    /** Dot products of every two samples, each row divided by max(its L2 norm, 1e-12). */
    static double[][] gram(double[][] rows) {
        int batch = rows.length;
        double[][] gram = new double[batch][batch];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                double dot = 0;
                for (int e = 0; e < rows[i].length; e++) {
                    dot += rows[i][e] * rows[j][e];
                }
                gram[i][j] = dot;
            }
            double squared = 0;
            for (int j = 0; j < batch; j++) {
                squared += gram[i][j] * gram[i][j];
            }
            double norm = Math.max(Math.sqrt(squared), 1e-12);
            for (int j = 0; j < batch; j++) {
                gram[i][j] /= norm;
            }
        }
        return gram;
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

    static INDArray array(double[][][][] maps) {
        return Nd4j.createFromArray(maps).castTo(DataType.DOUBLE);
    }

    static INDArray array(double[][] vectors) {
        return Nd4j.createFromArray(vectors).castTo(DataType.DOUBLE);
    }

    private SimilarityPreservingReference() {
    }
}
