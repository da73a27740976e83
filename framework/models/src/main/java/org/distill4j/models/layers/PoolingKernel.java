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

    /** Max pooling; {@code argmax} receives, per output, the input index of its maximum. */
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
                    float best = input[first];
                    int where = first;
                    for (int i = 0; i < kernel; i++) {
                        int line = first + i * width;
                        for (int j = 0; j < kernel; j++) {
                            float value = input[line + j];
                            if (value > best || Float.isNaN(value) && !Float.isNaN(best)) {
                                best = value;
                                where = line + j;
                            }
                        }
                    }
                    output[out] = best;
                    argmax[out] = where;
                    out++;
                }
            }
        }
    }

    /**
     * The 2x2, stride 2 window of nearly every network, without inner loops and with selects the JIT compiles to
     * conditional moves: the general loop's data-dependent branches cost a mispredicted branch per output on random
     * activations. The same result as the general loop, ties and NaN included.
     */
    private void maxForwardTwoByTwo(float[] input, float[] output, int[] argmax) {
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int row = 0; row < outputHeight; row++) {
                int top = base + 2 * row * width;
                for (int column = 0; column < outputWidth; column++) {
                    int first = top + 2 * column;
                    float best = input[first];
                    int where = first;
                    float value = input[first + 1];
                    boolean better = value > best || value != value && best == best;
                    best = better ? value : best;
                    where = better ? first + 1 : where;
                    value = input[first + width];
                    better = value > best || value != value && best == best;
                    best = better ? value : best;
                    where = better ? first + width : where;
                    value = input[first + width + 1];
                    better = value > best || value != value && best == best;
                    best = better ? value : best;
                    where = better ? first + width + 1 : where;
                    output[out] = best;
                    argmax[out] = where;
                    out++;
                }
            }
        }
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
