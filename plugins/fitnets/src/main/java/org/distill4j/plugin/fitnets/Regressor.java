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
 * (SameDiff's YXIO layout; {@code [C_s, C_t]} for the dense map), {@code regressor.bias} is {@code [C_t]}.
 */
final class Regressor {

    static final String WEIGHT = "regressor.weight";
    static final String BIAS = "regressor.bias";

    /**
     * @param guided  the student's guided activations, batch first
     * @param student their per-sample shape
     * @param teacher the hint's per-sample shape, which the result has
     */
    static SDVariable apply(LossGraph graph, SDVariable guided, TensorShape student, TensorShape teacher) {
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
        SDVariable weights = graph.parameter(WEIGHT, new long[] {kernelHeight, kernelWidth, studentChannels,
                teacherChannels}, ParameterInit.heNormal(kernelHeight * kernelWidth * studentChannels));
        Conv2DConfig valid = Conv2DConfig.builder().kH(kernelHeight).kW(kernelWidth).sH(1).sW(1).pH(0).pW(0)
                .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO)
                .build();
        return graph.sameDiff().cnn().conv2d(guided, weights, bias, valid);
    }

    private Regressor() {
    }
}
