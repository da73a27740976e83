package org.distill4j.plugin.correlationcongruence;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Independent slow references for the tests: both modes written with plain loops. */
final class CorrelationCongruenceReference {

    /** {@code x W + b} per sample: RepDistiller's LinearEmbed. */
    static double[][] embed(double[][] features, double[][] weight, double[] bias) {
        double[][] embedded = new double[features.length][bias.length];
        for (int b = 0; b < features.length; b++) {
            for (int o = 0; o < bias.length; o++) {
                double sum = bias[o];
                for (int i = 0; i < features[b].length; i++) {
                    sum += features[b][i] * weight[i][o];
                }
                embedded[b][o] = sum;
            }
        }
        return embedded;
    }

    /** Code mode: the mean over b < B-1 of sum_d |s - t|[b, d] |s - t|[b+1, d]; 0 for one sample. */
    static double code(double[][] student, double[][] teacher) {
        int batch = student.length;
        if (batch < 2) {
            return 0;
        }
        double total = 0;
        for (int b = 0; b + 1 < batch; b++) {
            for (int d = 0; d < student[b].length; d++) {
                total += Math.abs(student[b][d] - teacher[b][d]) * Math.abs(student[b + 1][d] - teacher[b + 1][d]);
            }
        }
        return total / (batch - 1);
    }

    /** Paper mode: the mean over B^2 entries of the squared difference of the two kernel matrices. */
    static double paper(double[][] student, double[][] teacher, double gamma, int order) {
        double[][] studentKernel = kernel(student, gamma, order);
        double[][] teacherKernel = kernel(teacher, gamma, order);
        int batch = student.length;
        double total = 0;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                double difference = studentKernel[i][j] - teacherKernel[i][j];
                total += difference * difference;
            }
        }
        return total / ((double) batch * batch);
    }

    /** {@code sum_p exp(-2 gamma) (2 gamma)^p / p! cos(x_i, x_j)^p}, with the powers and factorials spelled out. */
    static double[][] kernel(double[][] embeddings, double gamma, int order) {
        int batch = embeddings.length;
        double[][] kernel = new double[batch][batch];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                double dot = 0;
                double normI = 0;
                double normJ = 0;
                for (int d = 0; d < embeddings[i].length; d++) {
                    dot += embeddings[i][d] * embeddings[j][d];
                    normI += embeddings[i][d] * embeddings[i][d];
                    normJ += embeddings[j][d] * embeddings[j][d];
                }
                double cosine = dot / (Math.max(Math.sqrt(normI), 1e-12) * Math.max(Math.sqrt(normJ), 1e-12));
                double sum = 0;
                for (int p = 0; p <= order; p++) {
                    double factorial = 1;
                    for (int k = 2; k <= p; k++) {
                        factorial *= k;
                    }
                    sum += Math.exp(-2 * gamma) * Math.pow(2 * gamma, p) / factorial * Math.pow(cosine, p);
                }
                kernel[i][j] = sum;
            }
        }
        return kernel;
    }

    static double[][] random(long seed, int rows, int columns, double scale) {
        Random random = new Random(seed);
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int c = 0; c < columns; c++) {
                row[c] = scale * random.nextGaussian();
            }
        }
        return values;
    }

    static double[] random(long seed, int size, double scale) {
        return random(seed, 1, size, scale)[0];
    }

    static INDArray array(double[][] values) {
        return Nd4j.createFromArray(values).castTo(DataType.DOUBLE);
    }

    static INDArray array(double[] values) {
        return Nd4j.createFromArray(values).castTo(DataType.DOUBLE);
    }

    private CorrelationCongruenceReference() {
    }
}
