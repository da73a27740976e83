package org.distill4j.plugin.relationalkd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inserts a unit axis into arrays of one shape {@code [m, n]} (at 0, 1 or 2: {@code [1, m, n]}, {@code [m, 1, n]},
 * {@code [m, n, 1]}) so they broadcast against each other. A reshape to a shape read when the graph runs, not
 * {@code expandDims}: in ND4J 1.0.0-M2.1 that returns a {@code [1, 1]} matrix unchanged, which breaks the one-sample
 * batch the trainer may end an epoch with (the same workaround as the darkrank plugin's).
 */
final class RelationalKdAxes {

    private final SameDiff sameDiff;
    private final SDVariable rows;
    private final SDVariable columns;
    private final SDVariable unit;
    private final SDVariable[] shapes = new SDVariable[3];

    /** For arrays of the same shape as {@code like}, a matrix. */
    RelationalKdAxes(SameDiff sameDiff, SDVariable like) {
        this.sameDiff = sameDiff;
        SDVariable shape = sameDiff.shape(like);
        this.rows = sameDiff.gather(shape, new int[] {0}, 0);
        this.columns = sameDiff.gather(shape, new int[] {1}, 0);
        this.unit = sameDiff.constant(Nd4j.createFromArray(1L));
    }

    SDVariable insert(SDVariable matrix, int axis) {
        if (shapes[axis] == null) {
            shapes[axis] = switch (axis) {
                case 0 -> sameDiff.concat(0, unit, rows, columns);
                case 1 -> sameDiff.concat(0, rows, unit, columns);
                default -> sameDiff.concat(0, rows, columns, unit);
            };
        }
        return sameDiff.reshape(matrix, shapes[axis]);
    }
}
