package org.distill4j.plugin.fitnets;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The paper's regressor {@code r}: a linear convolution (or, between vectors, a dense map) with bias whose weights
 * are parameters of the loss, trained with the student. Weights start He-normal, biases at zero.
 *
 * <p>Parameter names and layouts, for tests that set them: {@code regressor.weight} is {@code [kH, kW, C_s, C_t]}
 * (SameDiff's YXIO layout; {@code [C_s, C_t]} for the dense map), {@code regressor.bias} is {@code [C_t]}; with
 * {@code conv-bn-relu} also {@code regressor.gamma} and {@code regressor.beta}, {@code [C_t]}.
 */
final class Regressor {

    static final String WEIGHT = "regressor.weight";
    static final String BIAS = "regressor.bias";
    static final String GAMMA = "regressor.gamma";
    static final String BETA = "regressor.beta";
    /** PyTorch's {@code BatchNorm2d} default. */
    static final double EPSILON = 1e-5;

    /**
     * @param guided  the student's guided activations, batch first
     * @param student their per-sample shape
     * @param teacher the hint's per-sample shape, which the result has
     */
    static SDVariable apply(LossGraph graph, SDVariable guided, TensorShape student, TensorShape teacher,
            HintRegressor form) {
        SDVariable convolved = convolve(graph, guided, student, teacher, form);
        if (form == HintRegressor.CONV) {
            return convolved;
        }
        // ConvReg's batch norm runs in training mode while the loss trains (the regressor exists only then): each
        // channel normalised by its mean and biased variance over the batch and positions, then gamma and beta.
        long channels = teacher.channels();
        SDVariable gamma = graph.parameter(GAMMA, new long[] {channels}, ParameterInit.constant(1));
        SDVariable beta = graph.parameter(BETA, new long[] {channels}, ParameterInit.zeros());
        SDVariable centred = convolved.sub(convolved.mean(true, 0, 2, 3));
        SDVariable variance = centred.mul(centred).mean(true, 0, 2, 3);
        // The reciprocal square root, not a division: SameDiff M2.1 mis-differentiates a division by a broadcast
        // variable (docs/design.md §3).
        SDVariable normalised = centred.mul(variance.add(EPSILON).pow(-0.5))
                .mul(gamma.reshape(1, channels, 1, 1)).add(beta.reshape(1, channels, 1, 1));
        return graph.sameDiff().nn().relu(normalised, 0);
    }

    private static SDVariable convolve(LossGraph graph, SDVariable guided, TensorShape student, TensorShape teacher,
            HintRegressor form) {
        long studentChannels = student.channels();
        long teacherChannels = teacher.channels();
        SDVariable bias = graph.parameter(BIAS, new long[] {teacherChannels}, ParameterInit.zeros());
        if (student.flat()) {
            SDVariable weights = graph.parameter(WEIGHT, new long[] {studentChannels, teacherChannels},
                    ParameterInit.heNormal(studentChannels));
            return guided.mmul(weights).add(bias);
        }
        long kernelHeight = student.height() - teacher.height() + 1;
        long kernelWidth = student.width() - teacher.width() + 1;
        long fanIn = kernelHeight * kernelWidth * studentChannels;
        // ConvReg's convolution starts as PyTorch's default, kaiming-uniform with a = sqrt(5): variance 1 / (3 fan_in),
        // drawn here as a normal of that variance (the batch norm after it makes the scale matter little).
        SDVariable weights = graph.parameter(WEIGHT, new long[] {kernelHeight, kernelWidth, studentChannels,
                teacherChannels}, form == HintRegressor.CONV ? ParameterInit.heNormal(fanIn)
                : ParameterInit.normal(Math.sqrt(1.0 / (3.0 * fanIn))));
        Conv2DConfig valid = Conv2DConfig.builder().kH(kernelHeight).kW(kernelWidth).sH(1).sW(1).pH(0).pW(0)
                .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO)
                .build();
        return graph.sameDiff().cnn().conv2d(guided, weights, bias, valid);
    }

    private Regressor() {
    }
}
