package org.distill4j.plugin.factortransfer;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The paraphraser and the translator as loss parameters, and their names, which {@code ft-paraphraser} (that trains
 * the paraphraser) and {@code ft} (that reads its encoder, fixed, and trains the translator) share.
 *
 * <p>Every layer is a 3x3 convolution of stride 1 and padding 1 followed by a LeakyReLU (slope 0.1 in both
 * references), as {@code models/util.py} lines 13-34 and 49-59 of RepDistiller and {@code FeatureProjection.py} lines
 * 9-72 of the authors' code. With {@code C} the teacher's channels, {@code C_s} the student's, {@code K} the factor's:
 *
 * <pre>
 *   paraphraser.encoder1 C -> C,  encoder2 C -> K,  encoder3 K -> K
 *   paraphraser.decoder1 K -> K,  decoder2 K -> C,  decoder3 C -> C
 *   translator.conv1 C_s -> C_s,  conv2 C_s -> K,   conv3 K -> K
 * </pre>
 *
 * Names: {@code <layer>.weight} is {@code [3, 3, in, out]} (SameDiff's YXIO layout; OIYX breaks back-propagation in
 * M2.1), {@code <layer>.bias} is {@code [out]}. The decoder's transposed convolutions (3x3, stride 1, padding 1) are
 * plain convolutions here: such a transposed convolution is the convolution with the kernel flipped in both spatial
 * axes and its input and output channels swapped, so the two describe the same functions and only the
 * parametrisation differs. In {@link FactorTransferMode#REPDISTILLER} the translator's convolutions have no bias and
 * are followed by a batch norm in training mode ({@code translator.bn<i>.gamma}, {@code .beta}, {@code [out]}); the
 * bias the reference has there is cancelled exactly by the batch norm's mean, so it is left out.
 *
 * <p>Initialisation follows PyTorch's defaults, which both references keep: weights and biases
 * {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}, drawn here from the normal of the same variance {@code 1/(3 fan_in)};
 * {@code fan_in} is {@code 9 in} for a convolution and {@code 9 out} for the transposed convolutions of the decoder
 * (PyTorch computes it from dimension 1 of the transposed weight, its output channels). Batch norm starts at
 * {@code gamma 1, beta 0}.
 */
final class FactorTransferLayers {

    static final String PARAPHRASER = "paraphraser";
    static final String TRANSLATOR = "translator";
    /** PyTorch's {@code BatchNorm2d} default. */
    static final double EPSILON = 1e-5;

    static String encoder(int layer) {
        return PARAPHRASER + ".encoder" + layer;
    }

    static String decoder(int layer) {
        return PARAPHRASER + ".decoder" + layer;
    }

    static String translator(int layer) {
        return TRANSLATOR + ".conv" + layer;
    }

    static String batchNorm(int layer) {
        return TRANSLATOR + ".bn" + layer;
    }

    static String weight(String layer) {
        return layer + ".weight";
    }

    static String bias(String layer) {
        return layer + ".bias";
    }

    static long[] weightShape(int in, int out) {
        return new long[] {3, 3, in, out};
    }

    /** The channels {@code in -> out} of the encoder's layers 1-3, for a teacher of {@code c}, factor of {@code k}. */
    static int[][] encoderChannels(int c, int k) {
        return new int[][] {{c, c}, {c, k}, {k, k}};
    }

    static int[][] decoderChannels(int c, int k) {
        return new int[][] {{k, k}, {k, c}, {c, c}};
    }

    /** The paraphraser's encoder, trained: {@code ft-paraphraser}. */
    static SDVariable trainEncoder(LossGraph graph, SDVariable teacher, int c, int k, double slope) {
        SDVariable out = teacher;
        int[][] channels = encoderChannels(c, k);
        for (int i = 0; i < 3; i++) {
            String layer = encoder(i + 1);
            out = layer(graph, out, trainable(graph, layer, channels[i][0], channels[i][1], channels[i][0]), slope);
        }
        return out;
    }

    /** The paraphraser's decoder, trained: {@code ft-paraphraser}. */
    static SDVariable trainDecoder(LossGraph graph, SDVariable factor, int c, int k, double slope) {
        SDVariable out = factor;
        int[][] channels = decoderChannels(c, k);
        for (int i = 0; i < 3; i++) {
            String layer = decoder(i + 1);
            out = layer(graph, out, trainable(graph, layer, channels[i][0], channels[i][1], channels[i][1]), slope);
        }
        return out;
    }

    /** The paraphraser's encoder as {@code ft-paraphraser} left it, fixed: {@code ft}. */
    static SDVariable fixedEncoder(LossGraph graph, SDVariable teacher, int c, int k, double slope) {
        SDVariable out = teacher;
        int[][] channels = encoderChannels(c, k);
        for (int i = 0; i < 3; i++) {
            String layer = encoder(i + 1);
            SDVariable[] weights = {
                graph.trainedParameter(weight(layer), weightShape(channels[i][0], channels[i][1])),
                graph.trainedParameter(bias(layer), new long[] {channels[i][1]})};
            out = layer(graph, out, weights, slope);
        }
        return out;
    }

    /** The translator, trained with the student: {@code ft}. */
    static SDVariable translate(LossGraph graph, SDVariable student, int studentChannels, int k, double slope,
            FactorTransferMode mode) {
        int[][] channels = {{studentChannels, studentChannels}, {studentChannels, k}, {k, k}};
        SDVariable out = student;
        for (int i = 0; i < 3; i++) {
            String layer = translator(i + 1);
            int in = channels[i][0];
            int outChannels = channels[i][1];
            if (mode == FactorTransferMode.AUTHORS) {
                out = layer(graph, out, trainable(graph, layer, in, outChannels, in), slope);
            } else {
                SDVariable weights = graph.parameter(weight(layer), weightShape(in, outChannels),
                        pytorchDefault(in));
                SDVariable convolved = graph.sameDiff().cnn().conv2d(out, weights, same3x3());
                out = leaky(graph.sameDiff(), batchNorm(graph, batchNorm(i + 1), convolved, outChannels), slope);
            }
        }
        return out;
    }

    private static SDVariable[] trainable(LossGraph graph, String layer, int in, int out, int fanInChannels) {
        ParameterInit init = pytorchDefault(fanInChannels);
        return new SDVariable[] {graph.parameter(weight(layer), weightShape(in, out), init),
            graph.parameter(bias(layer), new long[] {out}, init)};
    }

    /** PyTorch's {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))} as the normal of the same variance. */
    private static ParameterInit pytorchDefault(int channels) {
        return ParameterInit.normal(Math.sqrt(1.0 / (3.0 * 9 * channels)));
    }

    private static SDVariable layer(LossGraph graph, SDVariable input, SDVariable[] weightAndBias, double slope) {
        SDVariable convolved = graph.sameDiff().cnn().conv2d(input, weightAndBias[0], weightAndBias[1], same3x3());
        return leaky(graph.sameDiff(), convolved, slope);
    }

    /** LeakyReLU, {@code max(x, 0) + slope min(x, 0)}. */
    static SDVariable leaky(SameDiff sameDiff, SDVariable x, double slope) {
        return sameDiff.nn().leakyRelu(x, slope);
    }

    /** Training-mode batch norm over batch and positions, biased variance, {@code eps 1e-5}, then gamma, beta. */
    private static SDVariable batchNorm(LossGraph graph, String prefix, SDVariable x, int channels) {
        SDVariable gamma = graph.parameter(prefix + ".gamma", new long[] {channels}, ParameterInit.constant(1));
        SDVariable beta = graph.parameter(prefix + ".beta", new long[] {channels}, ParameterInit.zeros());
        SDVariable centred = x.sub(x.mean(true, 0, 2, 3));
        SDVariable variance = centred.mul(centred).mean(true, 0, 2, 3);
        // The reciprocal square root, not a division: SameDiff M2.1 mis-differentiates a division by a broadcast
        // variable (docs/design.md §3).
        SDVariable normalised = centred.mul(variance.add(EPSILON).pow(-0.5));
        return normalised.mul(gamma.reshape(1, channels, 1, 1)).add(beta.reshape(1, channels, 1, 1));
    }

    static Conv2DConfig same3x3() {
        return Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
    }

    private FactorTransferLayers() {
    }
}
