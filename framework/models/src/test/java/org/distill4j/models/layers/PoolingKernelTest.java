package org.distill4j.models.layers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2x2 max pooling path (branch-free) against a brute-force reference written here: the first maximum in
 * row-major order, a NaN winning over numbers, on data full of ties, NaN and infinities.
 */
class PoolingKernelTest {

    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};

    @Test
    void twoByTwoMaxPoolingMatchesTheBruteForceReferenceOnTiesNanAndInfinities() {
        Random random = new Random(7);
        for (int[] size : new int[][] {{6, 6}, {7, 5}, {5, 8}, {2, 2}}) {
            int planes = 11;
            float[] input = new float[planes * size[0] * size[1]];
            for (int i = 0; i < input.length; i++) {
                int kind = random.nextInt(4);
                // ReLU outputs tie at zero; small integers tie often; the special values test NaN and infinities.
                input[i] = kind == 0 ? 0f : kind == 1 ? random.nextInt(3) : kind == 2
                        ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian();
            }
            PoolingKernel kernel = new PoolingKernel(planes, size[0], size[1], 2, 2);
            float[] output = new float[(int) kernel.outputLength()];
            int[] argmax = new int[output.length];
            kernel.maxForward(input, output, argmax);
            float[] inferred = new float[output.length];
            kernel.maxForward(input, inferred, null);

            int out = 0;
            for (int plane = 0; plane < planes; plane++) {
                for (int row = 0; row < size[0] / 2; row++) {
                    for (int column = 0; column < size[1] / 2; column++) {
                        int expected = firstMaximum(input, plane * size[0] * size[1] + 2 * row * size[1] + 2 * column,
                                size[1]);
                        assertThat(argmax[out]).as("window %d of %s", out, java.util.Arrays.toString(size))
                                .isEqualTo(expected);
                        assertThat(Float.compare(Math.abs(output[out]), Math.abs(input[expected]))).isZero();
                        assertThat(Float.compare(inferred[out], output[out])).isZero();
                        out++;
                    }
                }
            }
        }
    }

    private static int firstMaximum(float[] input, int first, int width) {
        int[] positions = {first, first + 1, first + width, first + width + 1};
        for (int position : positions) {
            if (Float.isNaN(input[position])) {
                return position;
            }
        }
        int best = first;
        for (int position : positions) {
            if (input[position] > input[best]) {
                best = position;
            }
        }
        return best;
    }
}
