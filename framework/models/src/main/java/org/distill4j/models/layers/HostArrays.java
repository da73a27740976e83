package org.distill4j.models.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * Bulk copies between float32 ND4J arrays (off-heap, CPU backend) and Java {@code float[]}, the memory the fast
 * layers' loops work on. A bulk copy is a {@code memcpy}: 0.05-0.1 ms for a batch of small feature maps, far less than
 * one ND4J reduction over the same data on this backend (issue 18).
 */
final class HostArrays {

    private HostArrays() {
    }

    /** Whether the loops can read and write this array in place of a copy: float32, row-major, no gaps. */
    static boolean denseFloat(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            return false;
        }
        // Row-major strides, ignoring axes of size one (ND4J gives those strides of its own choosing).
        long[] shape = array.shape();
        long[] strides = array.stride();
        long expected = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] != 1 && strides[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }

    /** A float array of at least {@code length} values: {@code reuse} when it is large enough, a new one otherwise. */
    static float[] capacity(float[] reuse, long length) {
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an activation of " + length + " values does not fit one Java array");
        }
        return reuse != null && reuse.length >= length ? reuse : new float[(int) length];
    }

    /** Copies the array's values, in row-major order, into the start of {@code target}. */
    static void read(INDArray source, float[] target) {
        INDArray dense = denseFloat(source) ? source : source.castTo(DataType.FLOAT).dup('c');
        FloatBuffer buffer = dense.data().asNioFloat();
        buffer.position((int) dense.offset());
        buffer.get(target, 0, (int) dense.length());
    }

    /** Copies the start of {@code source} into the array, which must be float32, row-major and without gaps. */
    static void write(float[] source, INDArray target) {
        if (!denseFloat(target)) {
            throw new IllegalArgumentException("can only write into a dense row-major float array, got "
                    + target.shapeInfoToString());
        }
        FloatBuffer buffer = target.data().asNioFloat();
        buffer.position((int) target.offset());
        buffer.put(source, 0, (int) target.length());
    }
}
