package org.distill4j.models.layers;

/**
 * Batch normalisation over the channel axis of a row-major {@code [N, C, S]} float array (S = H * W for feature maps,
 * 1 for vectors), in plain Java loops that the JIT compiles to vector instructions.
 *
 * <p>Sums are accumulated in float over one row of S values (four independent partial sums), then in double across
 * rows; the variance takes a second pass over {@code (x - mean)^2}, so there is no cancellation.
 */
final class BatchNormKernel {

    private final int batch;
    private final int channels;
    private final int spatial;

    BatchNormKernel(long batch, long channels, long spatial) {
        this.batch = Math.toIntExact(batch);
        this.channels = Math.toIntExact(channels);
        this.spatial = Math.toIntExact(spatial);
    }

    /** Values per channel: {@code N * S}. */
    double perChannel() {
        return (double) batch * spatial;
    }

    /**
     * Training forward: fills {@code mean} and the biased {@code variance} of the batch, {@code normalised} with
     * {@code (x - mean) / sqrt(variance + epsilon)} and {@code output} with {@code gamma * normalised + beta}.
     */
    void forwardTraining(float[] x, float[] gamma, float[] beta, double epsilon, double[] mean, double[] variance,
            float[] normalised, float[] output) {
        double count = perChannel();
        java.util.Arrays.fill(mean, 0, channels, 0);
        java.util.Arrays.fill(variance, 0, channels, 0);
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                mean[c] += sum(x, (n * channels + c) * spatial, 0f);
            }
        }
        for (int c = 0; c < channels; c++) {
            mean[c] /= count;
        }
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                variance[c] += sumOfSquares(x, (n * channels + c) * spatial, (float) mean[c]);
            }
        }
        for (int c = 0; c < channels; c++) {
            variance[c] /= count;
        }
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int start = (n * channels + c) * spatial;
                float shift = (float) mean[c];
                float inverseStd = (float) (1 / Math.sqrt(variance[c] + epsilon));
                float scale = gamma[c];
                float offset = beta[c];
                for (int i = start; i < start + spatial; i++) {
                    float value = (x[i] - shift) * inverseStd;
                    normalised[i] = value;
                    output[i] = value * scale + offset;
                }
            }
        }
    }

    /** Inference forward: {@code output = x * scale + shift} per channel. */
    void affine(float[] x, float[] scale, float[] shift, float[] output) {
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int start = (n * channels + c) * spatial;
                float a = scale[c];
                float b = shift[c];
                for (int i = start; i < start + spatial; i++) {
                    output[i] = x[i] * a + b;
                }
            }
        }
    }

    /**
     * Backward: {@code betaGradient = sum(dy)}, {@code gammaGradient = sum(dy * normalised)} per channel and
     * {@code dx = gamma / std * (dy - betaGradient / M - normalised * gammaGradient / M)}.
     *
     * @param gammaOverStd {@code gamma / sqrt(variance + epsilon)} per channel
     */
    void backward(float[] outputGradient, float[] normalised, float[] gammaOverStd, double[] gammaGradient,
            double[] betaGradient, float[] inputGradient) {
        java.util.Arrays.fill(gammaGradient, 0, channels, 0);
        java.util.Arrays.fill(betaGradient, 0, channels, 0);
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int start = (n * channels + c) * spatial;
                betaGradient[c] += sum(outputGradient, start, 0f);
                gammaGradient[c] += dot(outputGradient, normalised, start);
            }
        }
        double count = perChannel();
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int start = (n * channels + c) * spatial;
                float k1 = gammaOverStd[c];
                float k2 = (float) (gammaOverStd[c] * gammaGradient[c] / count);
                float k3 = (float) (gammaOverStd[c] * betaGradient[c] / count);
                for (int i = start; i < start + spatial; i++) {
                    inputGradient[i] = k1 * outputGradient[i] - k2 * normalised[i] - k3;
                }
            }
        }
    }

    /** The sum of {@code values[start, start + S) - shift}. */
    private double sum(float[] values, int start, float shift) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int end = start + spatial;
        int i = start;
        for (; i + 3 < end; i += 4) {
            a += values[i] - shift;
            b += values[i + 1] - shift;
            c += values[i + 2] - shift;
            d += values[i + 3] - shift;
        }
        for (; i < end; i++) {
            a += values[i] - shift;
        }
        return (double) a + b + c + d;
    }

    /** The sum of {@code (values[start, start + S) - shift)^2}. */
    private double sumOfSquares(float[] values, int start, float shift) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int end = start + spatial;
        int i = start;
        for (; i + 3 < end; i += 4) {
            float p = values[i] - shift;
            float q = values[i + 1] - shift;
            float r = values[i + 2] - shift;
            float s = values[i + 3] - shift;
            a += p * p;
            b += q * q;
            c += r * r;
            d += s * s;
        }
        for (; i < end; i++) {
            float p = values[i] - shift;
            a += p * p;
        }
        return (double) a + b + c + d;
    }

    /** The dot product of {@code first} and {@code second} over {@code [start, start + S)}. */
    private double dot(float[] first, float[] second, int start) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int end = start + spatial;
        int i = start;
        for (; i + 3 < end; i += 4) {
            a += first[i] * second[i];
            b += first[i + 1] * second[i + 1];
            c += first[i + 2] * second[i + 2];
            d += first[i + 3] * second[i + 3];
        }
        for (; i < end; i++) {
            a += first[i] * second[i];
        }
        return (double) a + b + c + d;
    }
}
