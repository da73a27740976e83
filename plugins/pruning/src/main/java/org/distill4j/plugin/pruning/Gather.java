package org.distill4j.plugin.pruning;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Selects slices of an array along one axis, in Java. ND4J 1.0.0-M2.1's point-index {@code get} on a parameter view
 * of rank 4 fails inside its assign (a null data buffer), so the copy is done here instead.
 */
final class Gather {

    private Gather() {
    }

    /** A new array holding {@code source}'s slices {@code indices} (in that order) along {@code axis}. */
    static INDArray along(INDArray source, int axis, List<Integer> indices) {
        long[] shape = source.shape();
        double[] values = source.dup('c').data().asDouble();
        long outer = 1;
        for (int dimension = 0; dimension < axis; dimension++) {
            outer *= shape[dimension];
        }
        long inner = 1;
        for (int dimension = axis + 1; dimension < shape.length; dimension++) {
            inner *= shape[dimension];
        }
        long[] gathered = shape.clone();
        gathered[axis] = indices.size();
        double[] result = new double[(int) (outer * indices.size() * inner)];
        int position = 0;
        for (long block = 0; block < outer; block++) {
            for (int index : indices) {
                int start = (int) ((block * shape[axis] + index) * inner);
                System.arraycopy(values, start, result, position, (int) inner);
                position += (int) inner;
            }
        }
        return Nd4j.create(result, gathered, 'c').castTo(source.dataType());
    }
}
