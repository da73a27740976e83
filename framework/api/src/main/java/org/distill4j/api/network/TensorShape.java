package org.distill4j.api.network;

/**
 * The per-sample shape of an activation: a feature map {@code channels x height x width}, or a vector of
 * {@code channels} units (height and width 1, {@link #flat()} true).
 */
public record TensorShape(int channels, int height, int width, boolean flat) {

    public static TensorShape map(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("feature map shape must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
        return new TensorShape(channels, height, width, false);
    }

    public static TensorShape vector(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("vector size must be positive, got " + units);
        }
        return new TensorShape(units, 1, 1, true);
    }

    /** The per-sample shape of a batch shape {@code [-1, c, h, w]} or {@code [-1, c]}: the inverse of {@link #batchShape()}. */
    public static TensorShape ofBatchShape(long[] batchShape) {
        if (batchShape.length == 4) {
            return map(Math.toIntExact(batchShape[1]), Math.toIntExact(batchShape[2]), Math.toIntExact(batchShape[3]));
        }
        if (batchShape.length == 2) {
            return vector(Math.toIntExact(batchShape[1]));
        }
        throw new IllegalArgumentException("expected a batch shape [-1, c, h, w] or [-1, c], got "
                + java.util.Arrays.toString(batchShape));
    }

    public long size() {
        return (long) channels * height * width;
    }

    /** The shape with the batch dimension as -1: {@code [-1, c, h, w]} or {@code [-1, c]}. */
    public long[] batchShape() {
        return flat ? new long[] {-1, channels} : new long[] {-1, channels, height, width};
    }

    @Override
    public String toString() {
        return flat ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}
