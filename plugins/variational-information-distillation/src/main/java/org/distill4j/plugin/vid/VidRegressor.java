package org.distill4j.plugin.vid;

import org.distill4j.api.LossGraph;
import org.distill4j.api.ParameterInit;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The mean {@code mu(s)} of a pair's Gaussian: RepDistiller's regressor, three bias-free 1x1 convolutions with ReLU
 * between them, student channels to hidden, hidden to hidden, hidden to teacher channels ({@code VID.py} lines
 * 26-32). A 1x1 convolution is a matrix product over channels at every position, so it is computed on the maps
 * flattened to {@code [B H W, C]} rows: no conv2d and its weight-layout pitfalls.
 *
 * <p>Parameter names and layouts, for tests that set them: {@code pair<k>.conv1}, {@code pair<k>.conv2},
 * {@code pair<k>.conv3} ({@code k} from 1 in the order of {@code pairs}), each {@code [C_in, C_out]}, the transpose of
 * PyTorch's {@code weight[:, :, 0, 0]}.
 */
final class VidRegressor {

    /**
     * The weights start as zero-mean normals with PyTorch's default conv variance: {@code nn.Conv2d} draws
     * kaiming-uniform with {@code a = sqrt(5)}, i.e. {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}, of variance
     * {@code 1 / (3 fanIn)}; {@link ParameterInit} only draws normals, so this matches the variance, not the shape.
     */
    static ParameterInit pytorchDefault(long fanIn) {
        return ParameterInit.normal(Math.sqrt(1.0 / (3.0 * fanIn)));
    }

    static String weightName(int pair, int layer) {
        return "pair" + pair + ".conv" + layer;
    }

    /**
     * @param rows {@code [B H W, studentChannels]}, the student map's positions as rows
     * @return {@code [B H W, teacherChannels]}
     */
    static SDVariable apply(LossGraph graph, int pair, SDVariable rows, long studentChannels, long hiddenChannels,
            long teacherChannels) {
        SDVariable first = graph.parameter(weightName(pair, 1), new long[] {studentChannels, hiddenChannels},
                pytorchDefault(studentChannels));
        SDVariable second = graph.parameter(weightName(pair, 2), new long[] {hiddenChannels, hiddenChannels},
                pytorchDefault(hiddenChannels));
        SDVariable third = graph.parameter(weightName(pair, 3), new long[] {hiddenChannels, teacherChannels},
                pytorchDefault(hiddenChannels));
        SDVariable hidden = graph.sameDiff().nn().relu(rows.mmul(first), 0);
        hidden = graph.sameDiff().nn().relu(hidden.mmul(second), 0);
        return hidden.mmul(third);
    }

    private VidRegressor() {
    }
}
