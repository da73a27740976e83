package org.distill4j.plugin.relationalkd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Independent slow reference in plain double loops, written from lenscloth/RKD {@code metric/loss.py} and
 * {@code metric/utils.py} ({@code pdist}, {@code RkdDistance}, {@code RKdAngle}), not from the SameDiff code.
 */
final class RelationalKdReference {

    /** The distance term: smooth-L1 of the mean-normalised distance matrices, averaged as {@code paper} says. */
    static double distance(double[][] student, double[][] teacher, boolean paper) {
        double[][] studentDistances = normalised(pdist(student));
        double[][] teacherDistances = normalised(pdist(teacher));
        int batch = student.length;
        double total = 0;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                if (paper && i == j) {
                    continue;
                }
                total += smoothL1(studentDistances[i][j] - teacherDistances[i][j]);
            }
        }
        double count = paper ? (double) batch * (batch - 1) : (double) batch * batch;
        return count == 0 ? 0 : total / count;
    }

    /** The angle term: smooth-L1 of the cosines at every vertex, averaged as {@code paper} says. */
    static double angle(double[][] student, double[][] teacher, boolean paper) {
        int batch = student.length;
        double total = 0;
        long count = 0;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                for (int k = 0; k < batch; k++) {
                    if (paper && (i == j || i == k || j == k)) {
                        continue;
                    }
                    total += smoothL1(cosine(student, i, j, k) - cosine(teacher, i, j, k));
                    count++;
                }
            }
        }
        return count == 0 ? 0 : total / count;
    }

    /** {@code pdist(e, squared=False)}: clamp the squared distance at 1e-12, square root, zero diagonal. */
    static double[][] pdist(double[][] vectors) {
        int batch = vectors.length;
        double[][] distances = new double[batch][batch];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                if (i != j) {
                    double squared = 0;
                    for (int d = 0; d < vectors[i].length; d++) {
                        squared += (vectors[i][d] - vectors[j][d]) * (vectors[i][d] - vectors[j][d]);
                    }
                    distances[i][j] = Math.sqrt(Math.max(squared, 1e-12));
                }
            }
        }
        return distances;
    }

    /** {@code d / d[d > 0].mean()}. */
    private static double[][] normalised(double[][] distances) {
        double sum = 0;
        int positive = 0;
        for (double[] row : distances) {
            for (double value : row) {
                if (value > 0) {
                    sum += value;
                    positive++;
                }
            }
        }
        double mean = sum / positive;
        double[][] result = new double[distances.length][distances.length];
        for (int i = 0; i < distances.length; i++) {
            for (int j = 0; j < distances.length; j++) {
                result[i][j] = positive == 0 ? 0 : distances[i][j] / mean;
            }
        }
        return result;
    }

    /** {@code F.normalize(x_j - x_i) . F.normalize(x_k - x_i)}, with F.normalize's {@code max(|v|, 1e-12)}. */
    private static double cosine(double[][] vectors, int i, int j, int k) {
        double[] first = unit(vectors[i], vectors[j]);
        double[] second = unit(vectors[i], vectors[k]);
        double dot = 0;
        for (int d = 0; d < first.length; d++) {
            dot += first[d] * second[d];
        }
        return dot;
    }

    private static double[] unit(double[] from, double[] to) {
        double[] difference = new double[from.length];
        double squared = 0;
        for (int d = 0; d < from.length; d++) {
            difference[d] = to[d] - from[d];
            squared += difference[d] * difference[d];
        }
        double norm = Math.max(Math.sqrt(squared), 1e-12);
        for (int d = 0; d < from.length; d++) {
            difference[d] /= norm;
        }
        return difference;
    }

    /** PyTorch's {@code smooth_l1_loss} element, beta = 1. */
    static double smoothL1(double difference) {
        double magnitude = Math.abs(difference);
        return magnitude < 1 ? 0.5 * magnitude * magnitude : magnitude - 0.5;
    }

    static double[][] random(long seed, int batch, int width) {
        Random random = new Random(seed);
        double[][] vectors = new double[batch][width];
        for (double[] vector : vectors) {
            for (int d = 0; d < width; d++) {
                vector[d] = random.nextGaussian();
            }
        }
        return vectors;
    }

    static INDArray array(double[][] vectors) {
        return Nd4j.createFromArray(vectors).castTo(DataType.DOUBLE);
    }

    private RelationalKdReference() {
    }
}
