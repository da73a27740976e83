package org.distill4j.plugin.relationalkd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The relations of one network's batch of vectors {@code x} ({@code [B, D]}), as SameDiff graph pieces: the
 * mean-normalised pairwise distances and the cosines of the angles at every sample. Both come from the explicit
 * differences {@code x_j - x_i} ({@code [B, B, D]}), as in lenscloth/RKD's angle loss, rather than from a Gram matrix:
 * identical vectors then have an exactly zero difference, and the zero diagonal does not come out slightly negative.
 */
final class RelationalKdGeometry {

    /**
     * Squared distances are clamped here before the square root, as lenscloth/RKD's {@code pdist(eps=1e-12)} does:
     * the square root's derivative at 0 is infinite.
     */
    static final double SQUARED_FLOOR = 1e-12;

    /**
     * {@code F.normalize}'s {@code max(|v|, 1e-12)}, applied to the squared norm ({@code 1e-24}) so the square root is
     * never taken at 0: a difference vector of zero length (a sample with itself, or two equal samples) stays zero and
     * passes no gradient.
     */
    static final double SQUARED_NORM_FLOOR = 1e-24;

    private final SameDiff sameDiff;
    private final SDVariable differences;
    private final SDVariable squared;
    private final SDVariable distinct;
    private final RelationalKdAxes axes;

    /** @param vectors {@code [B, D]} */
    RelationalKdGeometry(SameDiff sameDiff, SDVariable vectors) {
        this.sameDiff = sameDiff;
        RelationalKdAxes vectorAxes = new RelationalKdAxes(sameDiff, vectors);
        // differences[i, j] = x_j - x_i (lenscloth/RKD: student.unsqueeze(0) - student.unsqueeze(1)).
        this.differences = vectorAxes.insert(vectors, 0).sub(vectorAxes.insert(vectors, 1));
        this.squared = differences.mul(differences).sum(2);
        this.axes = new RelationalKdAxes(sameDiff, squared);
        this.distinct = distinctPairs(sameDiff, squared);
    }

    /**
     * {@code [B, B]}: {@code d[i, j] / mu} with {@code d[i, j] = sqrt(max(|x_i - x_j|^2, 1e-12))} off the diagonal and
     * 0 on it, and {@code mu} the mean of {@code d} over the {@code B(B-1)} pairs {@code i != j} (lenscloth/RKD: the
     * mean over {@code d > 0}, which the clamp makes every off-diagonal entry). {@code mu} is itself a function of the
     * student, and the gradient flows through it as in the code.
     */
    SDVariable normalisedDistances() {
        SDVariable distances = sameDiff.math().sqrt(sameDiff.scalarMax(squared, SQUARED_FLOOR)).mul(distinct);
        // A one-sample batch has no pair: mu is 0/1 and every distance 0; the floor keeps 0/0 out.
        SDVariable pairs = sameDiff.scalarMax(distinct.sum(), 1.0);
        SDVariable mean = sameDiff.scalarMax(distances.sum().mul(pairs.rdiv(1.0)), SQUARED_FLOOR);
        // A product with the reciprocal: M2.1's div back-propagates wrongly to a divisor broadcast over the matrix.
        return distances.mul(mean.rdiv(1.0));
    }

    /**
     * {@code [B, B, B]}: {@code cos[i, j, k] = e_ij . e_ik} with {@code e_ij = (x_j - x_i) / max(|x_j - x_i|, 1e-12)},
     * the cosine of the angle at {@code x_i} (lenscloth/RKD's {@code bmm(norm_sd, norm_sd^T)}). The paper's
     * {@code <e^ij, e^kj>} is the same set of angles with the vertex named {@code j}. Entries with {@code j = i} or
     * {@code k = i} are 0, those with {@code j = k != i} are 1.
     */
    SDVariable angleCosines() {
        SDVariable norms = sameDiff.math().sqrt(sameDiff.scalarMax(squared, SQUARED_NORM_FLOOR));
        SDVariable units = differences.mul(axes.insert(norms, 2).rdiv(1.0));
        return sameDiff.mmul(units, units, false, true, false);
    }

    /** {@code [B, B]}: 1 for a pair of two different samples {@code i != j}, 0 on the diagonal. */
    SDVariable distinctPairs() {
        return distinct;
    }

    /** {@code [B, B, B]}: 1 for a triplet of three different samples, 0 where two indices are equal. */
    SDVariable distinctTriplets() {
        return axes.insert(distinct, 2).mul(axes.insert(distinct, 1)).mul(axes.insert(distinct, 0));
    }

    private static SDVariable distinctPairs(SameDiff sameDiff, SDVariable like) {
        // fill, not onesLike, which logs a "No fields found for property name dtype" warning in M2.1.
        SDVariable ones = sameDiff.fill(sameDiff.shape(like), like.dataType(), 1.0);
        // Index grids from cumulative sums of ones, because the batch size is only known when the graph runs.
        SDVariable rowIndex = sameDiff.cumsum(ones, true, false, 0);
        SDVariable columnIndex = sameDiff.cumsum(ones, true, false, 1);
        return sameDiff.neq(rowIndex, columnIndex).castTo(like.dataType());
    }
}
