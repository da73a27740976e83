package org.distill4j.plugin.activationboundaries;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The connector of both references: a 1x1 convolution from the student's channels to the teacher's, then a batch
 * norm in training mode (each channel normalised by its mean and biased variance over the batch and positions,
 * {@code eps = 1e-5}, then scaled by gamma and shifted by beta). The connector only exists while the loss trains,
 * always in PyTorch's training mode there, so it keeps no running statistics.
 *
 * <p>Parameter names and layouts, for tests that set them ({@code <prefix>} is {@code connector1}, ... by pair):
 * {@code <prefix>.weight} is {@code [1, 1, C_s, C_t]} (SameDiff's YXIO layout; OIYX breaks back-propagation in
 * M2.1), {@code <prefix>.gamma} and {@code <prefix>.beta} are {@code [C_t]}.
 */
final class ActivationBoundariesConnector {

    /** PyTorch's {@code BatchNorm2d} default. */
    static final double EPSILON = 1e-5;

    static String weight(String prefix) {
        return prefix + ".weight";
    }

    static String gamma(String prefix) {
        return prefix + ".gamma";
    }

    static String beta(String prefix) {
        return prefix + ".beta";
    }

    /**
     * @param student          the student's pre-activations, {@code [B, C_s, H, W]}
     * @param studentChannels  {@code C_s}
     * @param teacherChannels  {@code C_t}, the channels of the result
     */
    static SDVariable apply(LossGraph graph, String prefix, SDVariable student, long studentChannels,
            long teacherChannels, ActivationBoundariesMode mode) {
        SDVariable weights = graph.parameter(weight(prefix), new long[] {1, 1, studentChannels, teacherChannels},
                initialisation(mode, studentChannels, teacherChannels));
        SDVariable gamma = graph.parameter(gamma(prefix), new long[] {teacherChannels}, ParameterInit.constant(1));
        SDVariable beta = graph.parameter(beta(prefix), new long[] {teacherChannels}, ParameterInit.zeros());
        Conv2DConfig pointwise = Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        SDVariable convolved = graph.sameDiff().cnn().conv2d(student, weights, pointwise);
        SDVariable centred = convolved.sub(convolved.mean(true, 0, 2, 3));
        SDVariable variance = centred.mul(centred).mean(true, 0, 2, 3);
        // Multiplying by the reciprocal square root rather than dividing: SameDiff M2.1 mis-differentiates a
        // division by a broadcast variable (docs/design.md §3).
        SDVariable normalised = centred.mul(variance.add(EPSILON).pow(-0.5));
        return normalised.mul(gamma.reshape(1, teacherChannels, 1, 1)).add(beta.reshape(1, teacherChannels, 1, 1));
    }

    private static ParameterInit initialisation(ActivationBoundariesMode mode, long studentChannels,
            long teacherChannels) {
        return switch (mode) {
            // distillation_module.py: n = kernel_size[0] * kernel_size[1] * out_channels; normal_(0, sqrt(2 / n)).
            case CODE -> ParameterInit.heNormal(teacherChannels);
            // PyTorch's kaiming_uniform_(a = sqrt(5)) is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), variance 1/(3 fan_in).
            case REPDISTILLER -> ParameterInit.normal(Math.sqrt(1.0 / (3.0 * studentChannels)));
        };
    }

    private ActivationBoundariesConnector() {
    }
}
