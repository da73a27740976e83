package org.distill4j.plugin.decomposition;

import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

/**
 * Slow, independent reference computations: a cyclic Jacobi eigensolver in plain Java (no LAPACK) for the singular
 * values and left singular vectors, and networks with random non-trivial weights.
 */
final class LowRankReference {

    /** Eigenvalues (largest first) and eigenvectors (columns, same order) of a symmetric matrix. */
    record Eigen(double[] values, double[][] vectors) {
    }

    private LowRankReference() {
    }

    /** Conv weights {@code [C_out, C_in, k, k]} as a {@code C_out x (C_in k k)} matrix of doubles. */
    static double[][] matrix(INDArray weights) {
        long out = weights.size(0);
        return weights.castTo(DataType.DOUBLE).dup('c').reshape('c', out, weights.length() / out).toDoubleMatrix();
    }

    /** Eigen-decomposition of {@code A A^T}: squared singular values and left singular vectors of A. */
    static Eigen gram(double[][] a) {
        int m = a.length;
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < a[0].length; k++) {
                    g[i][j] += a[i][k] * a[j][k];
                }
            }
        }
        return symmetric(g);
    }

    /** Cyclic Jacobi rotations (Numerical Recipes' convention) until the off-diagonal part vanishes. */
    static Eigen symmetric(double[][] input) {
        int n = input.length;
        double[][] a = new double[n][];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i] = input[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double scale = 0;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    scale += a[p][q] * a[p][q];
                    if (p != q) {
                        off += a[p][q] * a[p][q];
                    }
                }
            }
            if (off <= 1e-30 * scale) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double kp = a[k][p];
                        double kq = a[k][q];
                        a[k][p] = c * kp - s * kq;
                        a[k][q] = s * kp + c * kq;
                    }
                    for (int k = 0; k < n; k++) {
                        double pk = a[p][k];
                        double qk = a[q][k];
                        a[p][k] = c * pk - s * qk;
                        a[q][k] = s * pk + c * qk;
                    }
                    for (int k = 0; k < n; k++) {
                        double kp = v[k][p];
                        double kq = v[k][q];
                        v[k][p] = c * kp - s * kq;
                        v[k][q] = s * kp + c * kq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = a[order[j]][order[j]];
            for (int i = 0; i < n; i++) {
                vectors[i][j] = v[i][order[j]];
            }
        }
        return new Eigen(values, vectors);
    }

    /** {@code P P^T A} with P the first {@code rank} columns of the vectors: the projection onto the top subspace. */
    static double[][] project(double[][] a, double[][] vectors, int rank) {
        int m = a.length;
        int n = a[0].length;
        double[][] result = new double[m][n];
        for (int r = 0; r < rank; r++) {
            double[] coefficients = new double[n];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    coefficients[k] += vectors[i][r] * a[i][k];
                }
            }
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    result[i][k] += vectors[i][r] * coefficients[k];
                }
            }
        }
        return result;
    }

    /**
     * Gives every parameter of the network random values: biases and batch-norm statistics too, which a fresh
     * network leaves at 0 and 1, where a wrongly placed bias or statistic would go unnoticed.
     */
    static void randomize(Network network, long seed) {
        Random random = new Random(seed);
        for (GraphVertex vertex : network.graph().getVertices()) {
            if (!vertex.hasLayer() || vertex.getLayer().numParams() == 0) {
                continue;
            }
            vertex.getLayer().paramTable().forEach((key, value) -> {
                double[] values = new double[Math.toIntExact(value.length())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = switch (key) {
                        case NetworkWeights.LOG10_STD -> 0.3 * (random.nextDouble() - 0.5);
                        case NetworkWeights.VARIANCE, NetworkWeights.GAMMA -> 0.5 + random.nextDouble();
                        default -> 0.4 * random.nextGaussian();
                    };
                }
                value.assign(Nd4j.createFromArray(values).reshape(value.shape()).castTo(value.dataType()));
            });
        }
    }

    /** Random images {@code [batch, channels, height, width]}, float. */
    static INDArray images(long seed, int batch, int channels, int height, int width) {
        Random random = new Random(seed);
        float[] values = new float[batch * channels * height * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {batch, channels, height, width}, 'c');
    }

    /** max |actual - expected| / max |expected|. */
    static double relativeError(INDArray actual, INDArray expected) {
        INDArray difference = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE));
        return difference.amaxNumber().doubleValue() / expected.castTo(DataType.DOUBLE).amaxNumber().doubleValue();
    }
}
