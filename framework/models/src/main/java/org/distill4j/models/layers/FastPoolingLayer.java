package org.distill4j.models.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's pooling layer computed by {@link PoolingKernel} on Java arrays for float32 NCHW input with a square window,
 * no padding, no dilation and truncated borders (every model family's pooling); anything else is DL4J's.
 *
 * <p>For NCHW input, oneDNN (as built into ND4J 1.0.0-M2.1) runs its reference {@code nchw_pooling} implementation
 * and its backward pass runs the forward again to find the maxima; libnd4j's generic kernel is faster but still
 * dominated the training step of a small CNN after batch norm was fixed (issue 18). The Java kernel keeps each
 * output's argmax from the forward pass, so the backward pass is one scatter.
 */
public class FastPoolingLayer extends SubsamplingLayer {

    private float[] values;
    private float[] result;
    private int[] argmax;
    /** Input shape of the last training forward pass, whose {@link #argmax} the backward pass reads. */
    private long[] trainedShape;

    public FastPoolingLayer(NeuralNetConfiguration configuration, DataType dataType) {
        super(configuration, dataType);
        helper = null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        if (!handles(input)) {
            trainedShape = null;
            return super.activate(training, workspaces);
        }
        PoolingKernel kernel = kernel(input);
        values = HostArrays.capacity(values, input.length());
        result = HostArrays.capacity(result, kernel.outputLength());
        HostArrays.read(input, values);
        if (layerConf().getPoolingType() == PoolingType.MAX) {
            if (training) {
                argmax = argmax == null || argmax.length < kernel.outputLength()
                        ? new int[(int) kernel.outputLength()] : argmax;
            }
            kernel.maxForward(values, result, training ? argmax : null);
        } else {
            kernel.averageForward(values, result);
        }
        trainedShape = training ? input.shape() : null;
        INDArray output = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), input.size(1), kernel.outputHeight(), kernel.outputWidth()}, 'c');
        HostArrays.write(result, output);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (!handles(input)) {
            return super.backpropGradient(epsilon, workspaces);
        }
        FastLayers.requireTrainingForward(trainedShape, input, "pooling", layerConf().getLayerName());
        PoolingKernel kernel = kernel(input);
        result = HostArrays.capacity(result, kernel.outputLength());
        values = HostArrays.capacity(values, input.length());
        HostArrays.read(epsilon, result);
        if (layerConf().getPoolingType() == PoolingType.MAX) {
            kernel.maxBackward(result, argmax, values);
        } else {
            kernel.averageBackward(result, values);
        }
        INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(),
                'c');
        HostArrays.write(values, inputGradient);
        trainedShape = null;
        return new Pair<>(new DefaultGradient(), inputGradient);
    }

    private PoolingKernel kernel(INDArray x) {
        return new PoolingKernel(x.size(0) * x.size(1), x.size(2), x.size(3), layerConf().getKernelSize()[0],
                layerConf().getStride()[0]);
    }

    /** Float32 NCHW, max or average, square window and stride, no padding or dilation, truncate mode. */
    private boolean handles(INDArray x) {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer configuration = layerConf();
        int[] kernel = configuration.getKernelSize();
        int[] stride = configuration.getStride();
        int[] padding = configuration.getPadding();
        int[] dilation = configuration.getDilation();
        PoolingType type = configuration.getPoolingType();
        return x.rank() == 4 && x.dataType() == DataType.FLOAT && dataType == DataType.FLOAT
                && configuration.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && (type == PoolingType.MAX || type == PoolingType.AVG)
                && configuration.getConvolutionMode() == ConvolutionMode.Truncate
                && kernel[0] == kernel[1] && stride[0] == stride[1] && padding[0] == 0 && padding[1] == 0
                && dilation[0] == 1 && dilation[1] == 1
                && x.size(2) >= kernel[0] && x.size(3) >= kernel[0];
    }
}
