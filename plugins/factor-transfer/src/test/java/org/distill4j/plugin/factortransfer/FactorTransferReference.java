package org.distill4j.plugin.factortransfer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * An independent brute-force factor transfer in plain double loops, written from the reference code: 3x3
 * convolutions with padding 1 as cross-correlations, the decoder as PyTorch's {@code ConvTranspose2d} (stride 1,
 * padding 1) of the weights {@code W_t[i][o][ky][kx] = w[2 - ky][2 - kx][i][o]}, LeakyReLU, a training-mode batch
 * norm, the two factors, PyTorch's {@code F.normalize} ({@code max(||v||, 1e-12)}) and the L1 / MSE means.
 */
final class FactorTransferReference {

    /** A 3x3 convolution, stride 1, padding 1, of YXIO weights {@code w[ky][kx][in][out]} and a bias. */
    static double[][][][] conv(double[][][][] in, double[][][][] w, double[] bias) {
        int batch = in.length;
        int inputs = w[0][0].length;
        int outputs = w[0][0][0].length;
        int height = in[0][0].length;
        int width = in[0][0][0].length;
        double[][][][] out = new double[batch][outputs][height][width];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int i = 0; i < inputs; i++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int yy = y + ky - 1;
                                    int xx = x + kx - 1;
                                    if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                                        sum += w[ky][kx][i][o] * in[b][i][yy][xx];
                                    }
                                }
                            }
                        }
                        out[b][o][y][x] = sum;
                    }
                }
            }
        }
        return out;
    }

    /**
     * PyTorch's {@code ConvTranspose2d(in, out, 3, stride 1, padding 1)} with weight {@code wt[in][out][ky][kx]}:
     * each input element scatters {@code wt * x} to {@code out[y + ky - 1][x + kx - 1]}.
     */
    static double[][][][] transposedConv(double[][][][] in, double[][][][] wt, double[] bias) {
        int batch = in.length;
        int inputs = wt.length;
        int outputs = wt[0].length;
        int height = in[0][0].length;
        int width = in[0][0][0].length;
        double[][][][] out = new double[batch][outputs][height][width];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        out[b][o][y][x] = bias[o];
                    }
                }
            }
            for (int i = 0; i < inputs; i++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        for (int o = 0; o < outputs; o++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int yy = y + ky - 1;
                                    int xx = x + kx - 1;
                                    if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                                        out[b][o][yy][xx] += wt[i][o][ky][kx] * in[b][i][y][x];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The transposed-convolution weight {@code [in][out][ky][kx]} equivalent to YXIO conv weights. */
    static double[][][][] flipped(double[][][][] w) {
        int inputs = w[0][0].length;
        int outputs = w[0][0][0].length;
        double[][][][] wt = new double[inputs][outputs][3][3];
        for (int i = 0; i < inputs; i++) {
            for (int o = 0; o < outputs; o++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        wt[i][o][ky][kx] = w[2 - ky][2 - kx][i][o];
                    }
                }
            }
        }
        return wt;
    }

    static double[][][][] leaky(double[][][][] in, double slope) {
        double[][][][] out = copy(in);
        for (double[][][] sample : out) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (int x = 0; x < row.length; x++) {
                        row[x] = row[x] > 0 ? row[x] : slope * row[x];
                    }
                }
            }
        }
        return out;
    }

    /** {@code BatchNorm2d} in training mode: batch statistics, biased variance, eps 1e-5. */
    static double[][][][] batchNorm(double[][][][] in, double[] gamma, double[] beta) {
        int batch = in.length;
        int channels = in[0].length;
        int height = in[0][0].length;
        int width = in[0][0][0].length;
        double count = batch * height * width;
        double[][][][] out = new double[batch][channels][height][width];
        for (int c = 0; c < channels; c++) {
            double mean = 0;
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        mean += in[b][c][y][x];
                    }
                }
            }
            mean /= count;
            double variance = 0;
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        variance += (in[b][c][y][x] - mean) * (in[b][c][y][x] - mean);
                    }
                }
            }
            variance /= count;
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        out[b][c][y][x] = gamma[c] * (in[b][c][y][x] - mean) / Math.sqrt(variance + 1e-5) + beta[c];
                    }
                }
            }
        }
        return out;
    }

    /** Weights {@code w[layer]} (YXIO) and biases {@code bias[layer]} of three layers. */
    record Layers(double[][][][][] w, double[][] bias) {
    }

    static double[][][][] encode(double[][][][] teacher, Layers encoder, double slope) {
        double[][][][] out = teacher;
        for (int l = 0; l < 3; l++) {
            out = leaky(conv(out, encoder.w()[l], encoder.bias()[l]), slope);
        }
        return out;
    }

    /** The decoder as RepDistiller and the authors write it: transposed convolutions of the flipped weights. */
    static double[][][][] decode(double[][][][] factor, Layers decoder, double slope) {
        double[][][][] out = factor;
        for (int l = 0; l < 3; l++) {
            out = leaky(transposedConv(out, flipped(decoder.w()[l]), decoder.bias()[l]), slope);
        }
        return out;
    }

    /** The authors' translator (biases, no batch norm), or RepDistiller's (no bias, batch norm of gamma, beta). */
    static double[][][][] translate(double[][][][] student, Layers translator, double[][] gamma, double[][] beta,
            double slope) {
        double[][][][] out = student;
        for (int l = 0; l < 3; l++) {
            if (gamma == null) {
                out = leaky(conv(out, translator.w()[l], translator.bias()[l]), slope);
            } else {
                out = leaky(batchNorm(conv(out, translator.w()[l], null), gamma[l], beta[l]), slope);
            }
        }
        return out;
    }

    /** {@code mean |a - b|} (nn.L1Loss) or {@code mean (a - b)^2} (nn.MSELoss) over every element. */
    static double reconstruction(double[][][][] a, double[][][][] b, boolean l1) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < a[i].length; c++) {
                for (int y = 0; y < a[i][c].length; y++) {
                    for (int x = 0; x < a[i][c][y].length; x++) {
                        double d = a[i][c][y][x] - b[i][c][y][x];
                        sum += l1 ? Math.abs(d) : d * d;
                        count++;
                    }
                }
            }
        }
        return sum / count;
    }

    /** {@code F.adaptive_avg_pool2d} to {@code size x size} for a map of a whole multiple of that size. */
    static double[][][][] pool(double[][][][] in, int size) {
        int window = in[0][0].length / size;
        double[][][][] out = new double[in.length][in[0].length][size][size];
        for (int b = 0; b < in.length; b++) {
            for (int c = 0; c < in[b].length; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double sum = 0;
                        for (int dy = 0; dy < window; dy++) {
                            for (int dx = 0; dx < window; dx++) {
                                sum += in[b][c][y * window + dy][x * window + dx];
                            }
                        }
                        out[b][c][y][x] = sum / (window * window);
                    }
                }
            }
        }
        return out;
    }

    /** The authors' {@code FT}: {@code F.normalize(x.view(B, -1))}. */
    static double[][] authorsFactor(double[][][][] f) {
        double[][] v = new double[f.length][];
        for (int b = 0; b < f.length; b++) {
            int k = f[b].length;
            int h = f[b][0].length;
            int w = f[b][0][0].length;
            v[b] = new double[k * h * w];
            for (int c = 0; c < k; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        v[b][(c * h + y) * w + x] = f[b][c][y][x];
                    }
                }
            }
        }
        return normalize(v);
    }

    /** RepDistiller's {@code factor}: {@code F.normalize(f.pow(p1).mean(1).view(B, -1))}. */
    static double[][] repDistillerFactor(double[][][][] f, double p1) {
        double[][] v = new double[f.length][];
        for (int b = 0; b < f.length; b++) {
            int k = f[b].length;
            int h = f[b][0].length;
            int w = f[b][0][0].length;
            v[b] = new double[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        sum += Math.pow(f[b][c][y][x], p1);
                    }
                    v[b][y * w + x] = sum / k;
                }
            }
        }
        return normalize(v);
    }

    /** {@code mean |a - b|^p2} over every element (RepDistiller's {@code .pow(p2).mean()}; L1 for p2 = 1). */
    static double distance(double[][] a, double[][] b, double p2) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = a[i][j] - b[i][j];
                sum += p2 == 1 ? Math.abs(d) : Math.pow(d, p2);
                count++;
            }
        }
        return sum / count;
    }

    private static double[][] normalize(double[][] v) {
        double[][] out = new double[v.length][];
        for (int b = 0; b < v.length; b++) {
            double norm = 0;
            for (double value : v[b]) {
                norm += value * value;
            }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            out[b] = new double[v[b].length];
            for (int i = 0; i < v[b].length; i++) {
                out[b][i] = v[b][i] / norm;
            }
        }
        return out;
    }

    static double[][][][] random(long seed, int a, int b, int c, int d, double scale) {
        Random random = new Random(seed);
        double[][][][] values = new double[a][b][c][d];
        for (double[][][] x : values) {
            for (double[][] y : x) {
                for (double[] z : y) {
                    for (int i = 0; i < z.length; i++) {
                        z[i] = scale * random.nextGaussian();
                    }
                }
            }
        }
        return values;
    }

    static double[] random(long seed, int n, double scale, double shift) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = shift + scale * random.nextGaussian();
        }
        return values;
    }

    /** Three layers of the given channels {@code [in, out]}, weights of standard deviation {@code scale}. */
    static Layers layers(long seed, int[][] channels, double scale) {
        double[][][][][] w = new double[3][][][][];
        double[][] bias = new double[3][];
        for (int l = 0; l < 3; l++) {
            w[l] = random(seed + 10 * l, 3, 3, channels[l][0], channels[l][1], scale);
            bias[l] = random(seed + 10 * l + 1, channels[l][1], 0.1, 0);
        }
        return new Layers(w, bias);
    }

    static INDArray array(double[][][][] values) {
        return Nd4j.createFromArray(values);
    }

    private static double[][][][] copy(double[][][][] in) {
        double[][][][] out = new double[in.length][][][];
        for (int b = 0; b < in.length; b++) {
            out[b] = new double[in[b].length][][];
            for (int c = 0; c < in[b].length; c++) {
                out[b][c] = new double[in[b][c].length][];
                for (int y = 0; y < in[b][c].length; y++) {
                    out[b][c][y] = in[b][c][y].clone();
                }
            }
        }
        return out;
    }

    private FactorTransferReference() {
    }
}
