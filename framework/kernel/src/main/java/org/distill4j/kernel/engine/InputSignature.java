package org.distill4j.kernel.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What decides the output shapes of a {@link ScheduledOp}: input shapes and data types, plus the values of small
 * integer vectors and scalars (shape vectors, axes).
 */
record InputSignature(List<long[]> shapes, List<DataType> types, List<long[]> integerValues) {

    static InputSignature of(INDArray[] arguments) {
        List<long[]> shapes = new ArrayList<>(arguments.length);
        List<DataType> types = new ArrayList<>(arguments.length);
        List<long[]> integers = new ArrayList<>();
        for (INDArray argument : arguments) {
            shapes.add(argument.shape());
            types.add(argument.dataType());
            // Shape vectors and axes decide output shapes; integer matrices (ranks, indices) are data.
            if (argument.dataType().isIntType() && argument.rank() <= 1 && argument.length() <= 64) {
                integers.add(argument.isEmpty() ? new long[0]
                        : argument.reshape(argument.length()).toLongVector());
            }
        }
        return new InputSignature(shapes, types, integers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputSignature that && types.equals(that.types) && sameArrays(shapes, that.shapes)
                && sameArrays(integerValues, that.integerValues);
    }

    @Override
    public int hashCode() {
        return types.hashCode();
    }

    private static boolean sameArrays(List<long[]> first, List<long[]> second) {
        if (first.size() != second.size()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            if (!Arrays.equals(first.get(i), second.get(i))) {
                return false;
            }
        }
        return true;
    }
}
