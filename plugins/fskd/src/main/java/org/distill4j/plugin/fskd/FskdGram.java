package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The normal equations of one block's least squares {@code min ||X Q^T - Y||_F^2}, accumulated over mini-batches:
 * {@code A = X^T X} ({@code c x c}), {@code G = X^T Y} ({@code c x c'}) and {@code sum Y^2}, where every sample and
 * spatial position is one row of X and Y. Accumulated in float64: float32 normal equations of 512 channels lose
 * most of their digits (docs/methods.md §8(e)).
 */
public final class FskdGram {

    private final INDArray studentGram;
    private final INDArray crossGram;
    private double targetSquares;
    private long rows;

    public FskdGram(int studentChannels, int targetChannels) {
        this.studentGram = Nd4j.zeros(DataType.DOUBLE, studentChannels, studentChannels);
        this.crossGram = Nd4j.zeros(DataType.DOUBLE, studentChannels, targetChannels);
    }

    /** Adds a mini-batch: the student's pre-Q output and the teacher target, both {@code [batch, channels, H, W]}. */
    public void add(INDArray student, INDArray target) {
        if (student.size(0) != target.size(0) || student.size(2) != target.size(2) || student.size(3) != target.size(3)) {
            throw new IllegalArgumentException("student output " + java.util.Arrays.toString(student.shape())
                    + " and teacher target " + java.util.Arrays.toString(target.shape())
                    + " differ in batch or spatial size");
        }
        INDArray x = rows(student);
        INDArray y = rows(target);
        studentGram.addi(x.transpose().mmul(x));
        crossGram.addi(x.transpose().mmul(y));
        targetSquares += y.mul(y).sumNumber().doubleValue();
        rows += x.size(0);
    }

    /** {@code [batch, c, H, W]} as {@code [batch H W, c]} in float64: one row per sample and position. */
    static INDArray rows(INDArray map) {
        long channels = map.size(1);
        return map.castTo(DataType.DOUBLE).permute(0, 2, 3, 1).dup('c').reshape(-1, channels);
    }

    /** {@code X^T X}. */
    public INDArray studentGram() {
        return studentGram;
    }

    /** {@code X^T Y}. */
    public INDArray crossGram() {
        return crossGram;
    }

    public double targetSquares() {
        return targetSquares;
    }

    /** The number of rows (samples times spatial positions) accumulated. */
    public long rows() {
        return rows;
    }

    /**
     * The mean squared residual {@code ||X Q^T - Y||_F^2 / (rows c')} of a {@code [c', c]} Q, from the Gram matrices:
     * {@code tr(Q A Q^T) - 2 tr(Q G) + sum Y^2}.
     */
    public double meanSquaredResidual(INDArray q) {
        INDArray qd = q.castTo(DataType.DOUBLE);
        double fitted = qd.mmul(studentGram).mul(qd).sumNumber().doubleValue();
        double cross = qd.mul(crossGram.transpose()).sumNumber().doubleValue();
        double total = fitted - 2 * cross + targetSquares;
        // Cancellation can leave a tiny negative number for a near-perfect fit.
        return Math.max(0, total) / ((double) rows * crossGram.size(1));
    }
}
