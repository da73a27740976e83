package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Objects;

/**
 * Solves one block's normal equations {@code A Q^T = G} by Cholesky in float64. When {@code A} is ill-conditioned
 * (condition number above the limit, or singular: fewer rows {@code N H W} than channels) it solves
 * {@code (A + lambda I) Q^T = G + lambda T} with {@code lambda = ridge trace(A) / c}, the ridge docs/methods.md §8(b)
 * step 2d names; the relative form makes the ridge independent of the features' scale. {@code T} is the identity (Q
 * keeps the compressed student where the samples say nothing) or zero (ordinary ridge), see {@link FskdRidgeTarget}.
 */
public final class FskdSolver {

    private final double ridge;
    private final double conditionLimit;
    private final FskdRidgeTarget target;

    /** A solver whose ridge pulls toward the identity. */
    public FskdSolver(double ridge, double conditionLimit) {
        this(ridge, conditionLimit, FskdRidgeTarget.IDENTITY);
    }

    /**
     * @param ridge          relative ridge, {@code > 0}
     * @param conditionLimit the condition number above which the ridge is added
     * @param target         what the ridge pulls Q toward
     */
    public FskdSolver(double ridge, double conditionLimit, FskdRidgeTarget target) {
        if (!(ridge > 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be a finite number > 0, got " + ridge);
        }
        if (!(conditionLimit >= 1)) {
            throw new IllegalArgumentException("condition limit must be >= 1, got " + conditionLimit);
        }
        this.ridge = ridge;
        this.conditionLimit = conditionLimit;
        this.target = Objects.requireNonNull(target, "target");
    }

    public FskdSolution solve(FskdGram gram) {
        INDArray a = gram.studentGram();
        int channels = (int) a.size(0);
        double trace = Nd4j.diag(a).sumNumber().doubleValue();
        if (!(trace > 0)) {
            // The student's output is zero on every sample: nothing to fit, so Q stays the identity.
            return new FskdSolution(Nd4j.eye(channels).castTo(DataType.DOUBLE), Double.NaN, 0);
        }
        double condition = condition(a);
        double lambda = condition <= conditionLimit ? 0 : ridge * trace / channels;
        double[][] matrix = a.toDoubleMatrix();
        double[][] rightHandSide = gram.crossGram().toDoubleMatrix();
        double[][] factor = null;
        // A singular A can still fail Cholesky after a tiny ridge through rounding: grow the ridge until it works.
        for (int attempt = 0; factor == null; attempt++) {
            factor = cholesky(matrix, lambda);
            if (factor == null) {
                if (attempt > 20) {
                    throw new IllegalStateException("X^T X (" + channels + " channels, trace " + trace
                            + ") is not positive definite even with ridge " + lambda);
                }
                lambda = lambda == 0 ? ridge * trace / channels : lambda * 10;
            }
        }
        if (target == FskdRidgeTarget.IDENTITY) {
            // (A + lambda I) Q^T = G + lambda I is the minimiser of ||X Q^T - Y||^2 + lambda ||Q - I||^2.
            for (int channel = 0; channel < Math.min(channels, rightHandSide[0].length); channel++) {
                rightHandSide[channel][channel] += lambda;
            }
        }
        double[][] transposedQ = solveWithFactor(factor, rightHandSide);
        return new FskdSolution(Nd4j.createFromArray(transposedQ).transpose().dup(), condition, lambda);
    }

    /** {@code lambda_max / lambda_min} of the symmetric {@code A}; infinite when {@code lambda_min <= 0}. */
    static double condition(INDArray symmetric) {
        INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(symmetric.dup(), false);
        double max = eigenvalues.maxNumber().doubleValue();
        double min = eigenvalues.minNumber().doubleValue();
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }

    /** The lower Cholesky factor of {@code A + lambda I}, or null when it is not positive definite. */
    static double[][] cholesky(double[][] a, double lambda) {
        int n = a.length;
        double[][] lower = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j] + (i == j ? lambda : 0);
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    lower[i][i] = Math.sqrt(sum);
                } else {
                    lower[i][j] = sum / lower[j][j];
                }
            }
        }
        return lower;
    }

    /** Solves {@code L L^T X = B} column by column. */
    static double[][] solveWithFactor(double[][] lower, double[][] b) {
        int n = lower.length;
        int columns = b[0].length;
        double[][] x = new double[n][columns];
        double[] work = new double[n];
        for (int column = 0; column < columns; column++) {
            for (int i = 0; i < n; i++) {
                double sum = b[i][column];
                for (int k = 0; k < i; k++) {
                    sum -= lower[i][k] * work[k];
                }
                work[i] = sum / lower[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double sum = work[i];
                for (int k = i + 1; k < n; k++) {
                    sum -= lower[k][i] * x[k][column];
                }
                x[i][column] = sum / lower[i][i];
            }
        }
        return x;
    }
}
