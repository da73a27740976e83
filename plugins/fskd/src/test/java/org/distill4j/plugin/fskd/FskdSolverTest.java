package org.distill4j.plugin.fskd;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FskdSolverTest {

    /** Rows of X and Y (5 positions, 2 channels), as one sample of a 1x5 feature map. */
    private static final double[][] X = {{1, 0}, {0, 1}, {1, 1}, {2, -1}, {0.5, 3}};
    private static final double[][] Y = {{1, 2}, {0, -1}, {2, 0.5}, {3, 1}, {-1, 2}};

    @Test
    void solvesTheLeastSquaresOfATinyProblem() {
        FskdGram gram = new FskdGram(2, 2);
        gram.add(map(X), map(Y));

        FskdSolution solution = new FskdSolver(1e-6, 1e8).solve(gram);

        double[][] expected = bruteForceLeastSquares();
        for (int out = 0; out < 2; out++) {
            for (int in = 0; in < 2; in++) {
                assertThat(solution.q().getDouble(out, in)).as("Q[%d,%d]", out, in)
                        .isCloseTo(expected[out][in], within(1e-10));
            }
        }
        assertThat(solution.ridge()).isZero();
        // Golden values from numpy.linalg.lstsq(X, Y) (the official code's solver), transposed.
        assertThat(solution.q().getDouble(0, 0)).isCloseTo(1.39130435, within(1e-8));
        assertThat(solution.q().getDouble(0, 1)).isCloseTo(-0.39130435, within(1e-8));
        assertThat(solution.q().getDouble(1, 0)).isCloseTo(0.85284281, within(1e-8));
        assertThat(solution.q().getDouble(1, 1)).isCloseTo(0.33946488, within(1e-8));
        assertThat(gram.meanSquaredResidual(solution.q())).isCloseTo(residual(expected), within(1e-10))
                .isCloseTo(0.5640468227, within(1e-9));
        assertThat(gram.meanSquaredResidual(solution.q()))
                .isLessThanOrEqualTo(gram.meanSquaredResidual(Nd4j.eye(2).castTo(DataType.DOUBLE)));
    }

    @Test
    void reportsTheConditionNumberOfTheGramMatrix() {
        INDArray a = Nd4j.createFromArray(new double[][] {{4, 0}, {0, 0.5}});
        assertThat(FskdSolver.condition(a)).isCloseTo(8, within(1e-9));
    }

    @Test
    void underDeterminedBlocksGetARidgeInsteadOfFailing() {
        // One position, three channels: X^T X has rank 1.
        FskdGram gram = new FskdGram(3, 3);
        gram.add(Nd4j.createFromArray(new double[] {1, 2, 3}).reshape(1, 3, 1, 1),
                Nd4j.createFromArray(new double[] {2, 1, 0}).reshape(1, 3, 1, 1));

        FskdSolution solution = new FskdSolver(1e-6, 1e8).solve(gram);

        assertThat(solution.condition()).isGreaterThan(1e8);
        assertThat(solution.ridge()).isGreaterThan(0);
        assertThat(solution.q().isInfinite().any() || solution.q().isNaN().any()).isFalse();
        assertThat(gram.meanSquaredResidual(solution.q())).isLessThan(1e-4);
    }

    @Test
    void theIdentityRidgeKeepsQTheIdentityInDirectionsTheSamplesNeverExcite() {
        // Two positions in three channels: X spans {e1, e2}; e3 is never excited. The targets are Y = 2 X.
        FskdGram gram = new FskdGram(3, 3);
        gram.add(Nd4j.createFromArray(new double[] {1, 0, 0, 0, 1, 0}).reshape(2, 3, 1, 1),
                Nd4j.createFromArray(new double[] {2, 0, 0, 0, 2, 0}).reshape(2, 3, 1, 1));

        INDArray toIdentity = new FskdSolver(1e-6, 1e8, FskdRidgeTarget.IDENTITY).solve(gram).q();
        INDArray toZero = new FskdSolver(1e-6, 1e8, FskdRidgeTarget.ZERO).solve(gram).q();

        // The fitted directions are the same (Q e1 = 2 e1, Q e2 = 2 e2, up to the tiny ridge) ...
        for (INDArray q : new INDArray[] {toIdentity, toZero}) {
            assertThat(q.getDouble(0, 0)).isCloseTo(2, within(1e-4));
            assertThat(q.getDouble(1, 1)).isCloseTo(2, within(1e-4));
        }
        // ... but only the identity ridge leaves the unseen channel as it was instead of deleting it.
        assertThat(toIdentity.getDouble(2, 2)).isCloseTo(1, within(1e-9));
        assertThat(toZero.getDouble(2, 2)).isCloseTo(0, within(1e-9));
        assertThat(toIdentity.getDouble(0, 2)).isCloseTo(0, within(1e-9));
    }

    @Test
    void rejectsANonPositiveRidge() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FskdSolver(0, 1e8))
                .hasMessageContaining("ridge must be a finite number > 0");
    }

    /** Q^T = (X^T X)^{-1} X^T Y with the 2x2 inverse written out. */
    private static double[][] bruteForceLeastSquares() {
        double a00 = 0;
        double a01 = 0;
        double a11 = 0;
        double[][] g = new double[2][2];
        for (int row = 0; row < X.length; row++) {
            a00 += X[row][0] * X[row][0];
            a01 += X[row][0] * X[row][1];
            a11 += X[row][1] * X[row][1];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    g[i][j] += X[row][i] * Y[row][j];
                }
            }
        }
        double determinant = a00 * a11 - a01 * a01;
        double[][] inverse = {{a11 / determinant, -a01 / determinant}, {-a01 / determinant, a00 / determinant}};
        double[][] q = new double[2][2];
        for (int out = 0; out < 2; out++) {
            for (int in = 0; in < 2; in++) {
                // Q[out][in] = (Q^T)[in][out] = sum_k inverse[in][k] g[k][out]
                q[out][in] = inverse[in][0] * g[0][out] + inverse[in][1] * g[1][out];
            }
        }
        return q;
    }

    private static double residual(double[][] q) {
        double sum = 0;
        for (int row = 0; row < X.length; row++) {
            for (int out = 0; out < 2; out++) {
                double fitted = q[out][0] * X[row][0] + q[out][1] * X[row][1];
                sum += (fitted - Y[row][out]) * (fitted - Y[row][out]);
            }
        }
        return sum / (X.length * 2);
    }

    /** Rows as a {@code [1, channels, 1, positions]} map. */
    private static INDArray map(double[][] rows) {
        return Nd4j.createFromArray(rows).transpose().dup().reshape(1, 2, 1, rows.length);
    }
}
