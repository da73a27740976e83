package org.distill4j.plugin.decomposition;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;

import java.util.Arrays;
import java.util.Objects;

/**
 * The singular values and left singular vectors of an {@code m x n} matrix A ({@code A = U diag(s) V^T}), in
 * float64, from the eigendecomposition of {@code A A^T = U diag(s^2) U^T} (LAPACK {@code dsyev}).
 *
 * <p>Why not a direct SVD: ND4J 1.0.0-M2.1's {@code svd} op fails on matrices larger than 16 in both dimensions
 * ("NDArray::assign: lengths of arrays are mismatched" for thin factors, a shape-calculation error without output
 * arrays), whereas its symmetric eigensolver works and takes about 0.25 s for m = 512 on this machine. The truncation
 * needs only U_r: {@code U_r U_r^T A} is the best rank-r approximation, so V is never formed. Squaring loses
 * relative accuracy only in singular values below about 1e-8 of the largest, which a truncation drops anyway.
 *
 * @param left   U, {@code [m, p]} with orthonormal columns, {@code p = min(m, n)}
 * @param values s, largest first, length {@code p}
 */
public record LowRankSpectrum(INDArray left, double[] values) {

    public LowRankSpectrum {
        Objects.requireNonNull(left, "left");
        values = values.clone();
    }

    /** The spectrum of a matrix, computed in float64 whatever the input's type (float32 loses small ranks). */
    public static LowRankSpectrum of(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("the spectrum needs a matrix, got shape "
                    + Arrays.toString(matrix.shape()));
        }
        INDArray input = matrix.castTo(DataType.DOUBLE);
        int rows = Math.toIntExact(input.size(0));
        int rank = Math.toIntExact(Math.min(rows, input.size(1)));
        // dsyev overwrites its argument with the eigenvectors (as columns) and returns the eigenvalues ascending.
        INDArray vectors = input.mmul(input.transpose()).dup('f');
        double[] eigenvalues = Eigen.symmetricGeneralizedEigenvalues(vectors, true).toDoubleVector();
        int[] largestFirst = new int[rank];
        double[] values = new double[rank];
        for (int i = 0; i < rank; i++) {
            largestFirst[i] = rows - 1 - i;
            // Round-off can make the eigenvalue of a zero singular value slightly negative.
            values[i] = Math.sqrt(Math.max(0, eigenvalues[rows - 1 - i]));
        }
        return new LowRankSpectrum(vectors.getColumns(largestFirst).dup('c'), values);
    }

    /** The rank of the full decomposition, {@code min(m, n)}. */
    public int fullRank() {
        return values.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
