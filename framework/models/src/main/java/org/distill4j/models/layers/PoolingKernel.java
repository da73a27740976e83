package org.distill4j.models.layers;

/**
 * Max and average pooling of a row-major NCHW float array with a square window, a stride and no padding (DL4J's
 * truncate mode: {@code out = (in - kernel) / stride + 1}), in plain Java loops.
 *
 * <p>Max pooling keeps, per output, the position of its maximum inside the window for the backward pass; ties go to
 * the first position in row-major order and a NaN wins, as in PyTorch's CPU kernel. Average pooling divides by the
 * window size.
 */
final class PoolingKernel {

    private final int planes;
    private final int height;
    private final int width;
    private final int kernel;
    private final int stride;
    private final int outputHeight;
    private final int outputWidth;

    /**
     * @param planes batch times channels
     */
    PoolingKernel(long planes, long height, long width, int kernel, int stride) {
        this.planes = Math.toIntExact(planes);
        this.height = Math.toIntExact(height);
        this.width = Math.toIntExact(width);
        this.kernel = kernel;
        this.stride = stride;
        this.outputHeight = (this.height - kernel) / stride + 1;
        this.outputWidth = (this.width - kernel) / stride + 1;
        if (outputHeight < 1 || outputWidth < 1) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " window does not fit a " + height + "x"
                    + width + " input");
        }
    }

    int outputHeight() {
        return outputHeight;
    }

    int outputWidth() {
        return outputWidth;
    }

    long outputLength() {
        return (long) planes * outputHeight * outputWidth;
    }

    /**
     * Max pooling; {@code argmax}, where not null, receives per output the input index of its maximum (a training
     * pass needs it for the backward pass, inference does not).
     */
    void maxForward(float[] input, float[] output, int[] argmax) {
        if (kernel == 2 && stride == 2) {
            maxForwardTwoByTwo(input, output, argmax);
            return;
        }
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int row = 0; row < outputHeight; row++) {
                for (int column = 0; column < outputWidth; column++) {
                    int first = base + row * stride * width + column * stride;
                    int where = maxOfWindow(input, first, kernel);
                    output[out] = input[where];
                    if (argmax != null) {
                        argmax[out] = where;
                    }
                    out++;
                }
            }
        }
    }

    /** Index of the maximum of the window whose top-left value is at {@code first}: ties to the first, NaN wins. */
    private int maxOfWindow(float[] input, int first, int size) {
        float best = input[first];
        int where = first;
        for (int i = 0; i < size; i++) {
            int line = first + i * width;
            for (int j = 0; j < size; j++) {
                float value = input[line + j];
                if (value > best || Float.isNaN(value) && !Float.isNaN(best)) {
                    best = value;
                    where = line + j;
                }
            }
        }
        return where;
    }

    /**
     * The 2x2, stride 2 window of nearly every network, without data-dependent branches: the maximum by
     * {@link Math#max}, its position by integer arithmetic on which values equal it. Tracking the position with
     * selects while scanning (the general loop's way) cost 17 ns an output on random activations, 6 times the
     * maximum alone (a 64x32x28x28 input: 7.1 ms against 1.2, issue 18). Windows whose maximum is NaN or infinite
     * take the general loop, so ties, NaN and infinities give the same positions as it (the one difference: a window
     * whose maximum is a tie of -0 and +0 outputs +0).
     */
    private void maxForwardTwoByTwo(float[] input, float[] output, int[] argmax) {
        int parts = KernelThreads.parts(planes, (long) planes * height * width);
        KernelThreads.forEach(planes, parts, (part, from, to) -> maxForwardTwoByTwo(input, output, argmax, from, to));
    }

    private void maxForwardTwoByTwo(float[] input, float[] output, int[] argmax, int fromPlane, int toPlane) {
        int out = fromPlane * outputHeight * outputWidth;
        for (int plane = fromPlane; plane < toPlane; plane++) {
            int base = plane * height * width;
            for (int row = 0; row < outputHeight; row++) {
                int top = base + 2 * row * width;
                for (int column = 0; column < outputWidth; column++) {
                    int first = top + 2 * column;
                    float topLeft = input[first];
                    float topRight = input[first + 1];
                    float bottomLeft = input[first + width];
                    float bottomRight = input[first + width + 1];
                    float maximum = Math.max(Math.max(topLeft, topRight), Math.max(bottomLeft, bottomRight));
                    if (!Float.isFinite(maximum)) {
                        int where = maxOfWindow(input, first, 2);
                        output[out] = input[where];
                        if (argmax != null) {
                            argmax[out] = where;
                        }
                    } else {
                        output[out] = maximum;
                        if (argmax != null) {
                            int atTopLeft = equal(topLeft, maximum);
                            int atTopRight = equal(topRight, maximum) & ~atTopLeft;
                            int atBottomLeft = equal(bottomLeft, maximum) & ~(atTopLeft | atTopRight);
                            int atBottomRight = 1 & ~(atTopLeft | atTopRight | atBottomLeft);
                            argmax[out] = first + atTopRight + atBottomLeft * width + atBottomRight * (width + 1);
                        }
                    }
                    out++;
                }
            }
        }
    }

    /**
     * 1 where {@code value == maximum}, else 0, without a branch: for finite floats the difference is zero exactly
     * when they are equal (gradual underflow), and the magnitude bits of zero minus one are negative.
     */
    private static int equal(float value, float maximum) {
        return ((Float.floatToRawIntBits(value - maximum) & 0x7fffffff) - 1) >>> 31;
    }

    /** The gradient of max pooling: each output's gradient goes to its maximum, summed where windows overlap. */
    void maxBackward(float[] outputGradient, int[] argmax, float[] inputGradient) {
        java.util.Arrays.fill(inputGradient, 0, planes * height * width, 0f);
        int count = (int) outputLength();
        for (int out = 0; out < count; out++) {
            inputGradient[argmax[out]] += outputGradient[out];
        }
    }

    void averageForward(float[] input, float[] output) {
        float scale = 1f / (kernel * kernel);
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int row = 0; row < outputHeight; row++) {
                for (int column = 0; column < outputWidth; column++) {
                    int first = base + row * stride * width + column * stride;
                    float sum = 0;
                    for (int i = 0; i < kernel; i++) {
                        int line = first + i * width;
                        for (int j = 0; j < kernel; j++) {
                            sum += input[line + j];
                        }
                    }
                    output[out++] = sum * scale;
                }
            }
        }
    }

    void averageBackward(float[] outputGradient, float[] inputGradient) {
        java.util.Arrays.fill(inputGradient, 0, planes * height * width, 0f);
        float scale = 1f / (kernel * kernel);
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int row = 0; row < outputHeight; row++) {
                for (int column = 0; column < outputWidth; column++) {
                    int first = base + row * stride * width + column * stride;
                    float share = outputGradient[out++] * scale;
                    for (int i = 0; i < kernel; i++) {
                        int line = first + i * width;
                        for (int j = 0; j < kernel; j++) {
                            inputGradient[line + j] += share;
                        }
                    }
                }
            }
        }
    }
}
