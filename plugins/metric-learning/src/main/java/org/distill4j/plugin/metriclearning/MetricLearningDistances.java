package org.distill4j.plugin.metriclearning;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/** Pairwise distances of normalised embeddings, and the pair masks of one-hot labels, as SameDiff graph pieces. */
final class MetricLearningDistances {

    /** Squared norms and squared distances are clamped here before the square root. */
    static final double SQUARED_FLOOR = 1e-12;

    /**
     * {@code d[a, b] = sqrt(max(||e_a - e_b||^2, 1e-12))} of {@code e = x / sqrt(max(sum x^2, 1e-12))}, {@code [B, B]}.
     * The clamp comes before the square root, whose derivative at the zero diagonal is infinite.
     */
    static SDVariable distances(SameDiff sameDiff, SDVariable embeddings) {
        SDVariable squaredNorm = embeddings.mul(embeddings).sum(true, 1);
        SDVariable normalised = embeddings.div(sameDiff.math().sqrt(sameDiff.scalarMax(squaredNorm, SQUARED_FLOOR)));
        SDVariable differences = withUnitAxis(sameDiff, normalised, 1).sub(withUnitAxis(sameDiff, normalised, 0));
        SDVariable squared = differences.mul(differences).sum(2);
        return sameDiff.math().sqrt(sameDiff.scalarMax(squared, SQUARED_FLOOR));
    }

    /** {@code [B, B]}, 1 where two different samples share a class. */
    static SDVariable positives(SameDiff sameDiff, SDVariable labels) {
        SDVariable sameClass = sameClass(sameDiff, labels);
        // Index grids from cumulative sums of ones, because the batch size is only known when the graph runs.
        // fill, not onesLike, which logs a "No fields found for property name dtype" warning in M2.1.
        SDVariable ones = sameDiff.fill(sameDiff.shape(sameClass), labels.dataType(), 1.0);
        SDVariable itself = sameDiff.eq(sameDiff.cumsum(ones, true, false, 0), sameDiff.cumsum(ones, true, false, 1));
        return sameClass.mul(itself.castTo(labels.dataType()).rsub(1.0));
    }

    /** {@code [B, B]}, 1 where two samples have different classes. */
    static SDVariable negatives(SameDiff sameDiff, SDVariable labels) {
        return sameClass(sameDiff, labels).rsub(1.0);
    }

    /**
     * A matrix {@code [m, n]} with a unit axis inserted at {@code axis} (0, 1 or 2), for broadcasting. Not
     * {@code expandDims}: in ND4J 1.0.0-M2.1 it returns a {@code [1, 1]} matrix unchanged, which breaks the
     * one-sample batch the trainer ends an epoch with when the data leave one over.
     */
    static SDVariable withUnitAxis(SameDiff sameDiff, SDVariable matrix, int axis) {
        SDVariable shape = sameDiff.shape(matrix);
        SDVariable rows = sameDiff.gather(shape, new int[] {0}, 0);
        SDVariable columns = sameDiff.gather(shape, new int[] {1}, 0);
        SDVariable unit = sameDiff.constant(Nd4j.createFromArray(1L));
        SDVariable[] sizes = switch (axis) {
            case 0 -> new SDVariable[] {unit, rows, columns};
            case 1 -> new SDVariable[] {rows, unit, columns};
            case 2 -> new SDVariable[] {rows, columns, unit};
            default -> throw new IllegalArgumentException("a matrix has unit axes 0, 1 or 2, not " + axis);
        };
        return sameDiff.reshape(matrix, sameDiff.concat(0, sizes));
    }

    private static SDVariable sameClass(SameDiff sameDiff, SDVariable labels) {
        return sameDiff.mmul(labels, labels, false, true, false);
    }

    private MetricLearningDistances() {
    }
}
