package org.distill4j.plugin.decomposition;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.Objects;

/**
 * The two convs that replace one k x k conv: a k x k {@code basis} with r filters and a 1x1 {@code pointwise} conv
 * that mixes them into the original C_out channels.
 *
 * <p>With the weights W reshaped to {@code C_out x (C_in k k)} and their truncated SVD {@code W ~ U_r S_r V_r^T},
 * the pointwise weights are {@code U_r} and the basis filters are the rows of {@code S_r V_r^T = U_r^T W}: S sits
 * entirely on the basis side. That way the basis is a projection of W that needs no division by singular values
 * (weights of rank below r stay exact instead of amplifying noise), and the pointwise conv has orthonormal columns,
 * the identity-like start that FSKD's 1x1 alignment later merges into. The product, and so the network, is the same
 * for any split of S.
 *
 * @param basis      {@code [r, C_in, k, k]}, float64
 * @param pointwise  {@code [C_out, r, 1, 1]}, float64
 * @param rank       r
 * @param fullRank   {@code min(C_out, C_in k k)}
 * @param energyKept the share of the squared singular values that the first r keep
 */
public record LowRankFactors(INDArray basis, INDArray pointwise, int rank, int fullRank, double energyKept) {

    public LowRankFactors {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(pointwise, "pointwise");
    }

    /** Factors conv weights {@code [C_out, C_in, k, k]} at the rank the target picks from their singular values. */
    public static LowRankFactors of(INDArray weights, LowRankTarget target) {
        if (weights.rank() != 4) {
            throw new IllegalArgumentException("conv weights must be [C_out, C_in, k, k], got shape "
                    + Arrays.toString(weights.shape()));
        }
        long outChannels = weights.size(0);
        INDArray matrix = weights.castTo(DataType.DOUBLE).dup('c').reshape('c', outChannels,
                weights.length() / outChannels);
        LowRankSpectrum spectrum = LowRankSpectrum.of(matrix);
        int rank = target.rank(spectrum.values());
        INDArray left = spectrum.left().get(NDArrayIndex.all(), NDArrayIndex.interval(0, rank)).dup('c');
        INDArray basis = left.transpose().mmul(matrix).dup('c').reshape('c', rank, weights.size(1),
                weights.size(2), weights.size(3));
        INDArray pointwise = left.reshape('c', outChannels, rank, 1, 1);
        return new LowRankFactors(basis, pointwise, rank, spectrum.fullRank(),
                LowRankTarget.keptShare(spectrum.values(), rank));
    }
}
