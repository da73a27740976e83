package org.distill4j.models.layers;

/**
 * Batch normalisation over the channel axis of a row-major {@code [N, C, S]} float array (S = H * W for feature maps,
 * 1 for vectors), in plain Java loops that the JIT compiles to vector instructions.
 *
 * <p>Sums are accumulated in float over one row of S values (four independent partial sums), then in double across
 * rows; the variance takes a second pass over {@code (x - mean)^2}, so there is no cancellation. Each pass splits the
 * batch between {@link KernelThreads}; their partial sums are added in a fixed order.
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
        int parts = parts();
        double[][] partial = new double[parts][channels];
        KernelThreads.forEach(batch, parts, (part, from, to) -> {
            for (int n = from; n < to; n++) {
                for (int c = 0; c < channels; c++) {
                    partial[part][c] += sum(x, (n * channels + c) * spatial, 0f);
                }
            }
        });
        total(partial, count, mean);
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            shift[c] = (float) mean[c];
        }
        double[][] squares = new double[parts][channels];
        KernelThreads.forEach(batch, parts, (part, from, to) -> {
            for (int n = from; n < to; n++) {
                for (int c = 0; c < channels; c++) {
                    squares[part][c] += sumOfSquares(x, (n * channels + c) * spatial, shift[c]);
                }
            }
        });
        total(squares, count, variance);
        float[] inverseStd = new float[channels];
        for (int c = 0; c < channels; c++) {
            inverseStd[c] = (float) (1 / Math.sqrt(variance[c] + epsilon));
        }
        KernelThreads.forEach(batch, parts, (part, from, to) -> {
            for (int n = from; n < to; n++) {
                for (int c = 0; c < channels; c++) {
                    int start = (n * channels + c) * spatial;
                    float center = shift[c];
                    float inverse = inverseStd[c];
                    float scale = gamma[c];
                    float offset = beta[c];
                    for (int i = start; i < start + spatial; i++) {
                        float value = (x[i] - center) * inverse;
                        normalised[i] = value;
                        output[i] = value * scale + offset;
                    }
                }
            }
        });
    }

    /** Inference forward: {@code output = x * scale + shift} per channel. */
    void affine(float[] x, float[] scale, float[] shift, float[] output) {
        KernelThreads.forEach(batch, parts(), (part, from, to) -> {
            for (int n = from; n < to; n++) {
                for (int c = 0; c < channels; c++) {
                    int start = (n * channels + c) * spatial;
                    float a = scale[c];
                    float b = shift[c];
                    for (int i = start; i < start + spatial; i++) {
                        output[i] = x[i] * a + b;
                    }
                }
            }
        });
    }

    /**
     * Backward: {@code betaGradient = sum(dy)}, {@code gammaGradient = sum(dy * normalised)} per channel and
     * {@code dx = gamma / std * (dy - betaGradient / M - normalised * gammaGradient / M)}.
     *
     * @param gammaOverStd {@code gamma / sqrt(variance + epsilon)} per channel
     */
    void backward(float[] outputGradient, float[] normalised, float[] gammaOverStd, double[] gammaGradient,
            double[] betaGradient, float[] inputGradient) {
        int parts = parts();
        double[][] betaPartial = new double[parts][channels];
        double[][] gammaPartial = new double[parts][channels];
        KernelThreads.forEach(batch, parts, (part, from, to) -> {
            for (int n = from; n < to; n++) {
                for (int c = 0; c < channels; c++) {
                    int start = (n * channels + c) * spatial;
                    betaPartial[part][c] += sum(outputGradient, start, 0f);
                    gammaPartial[part][c] += dot(outputGradient, normalised, start);
                }
            }
        });
        total(betaPartial, 1, betaGradient);
        total(gammaPartial, 1, gammaGradient);
        double count = perChannel();
        float[] k1 = new float[channels];
        float[] k2 = new float[channels];
        float[] k3 = new float[channels];
        for (int c = 0; c < channels; c++) {
            k1[c] = gammaOverStd[c];
            k2[c] = (float) (gammaOverStd[c] * gammaGradient[c] / count);
            k3[c] = (float) (gammaOverStd[c] * betaGradient[c] / count);
        }
        KernelThreads.forEach(batch, parts, (part, from, to) -> {
            for (int n = from; n < to; n++) {
                for (int c = 0; c < channels; c++) {
                    int start = (n * channels + c) * spatial;
                    float a = k1[c];
                    float b = k2[c];
                    float d = k3[c];
                    for (int i = start; i < start + spatial; i++) {
                        inputGradient[i] = a * outputGradient[i] - b * normalised[i] - d;
                    }
                }
            }
        });
    }

    private int parts() {
        return KernelThreads.parts(batch, (long) batch * channels * spatial);
    }

    /** {@code result[c] = sum over parts, in part order, of partial[part][c]}, divided by {@code count}. */
    private void total(double[][] partial, double count, double[] result) {
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (double[] part : partial) {
                sum += part[c];
            }
            result[c] = sum / count;
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
