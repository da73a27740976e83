package org.distill4j.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's pooling configuration ({@code instanceof SubsamplingLayer} holds) whose layer is {@link FastPoolingLayer} on
 * the CPU backend and DL4J's own elsewhere ({@link FastLayers#enabled()}).
 */
public class FastPooling extends SubsamplingLayer {

    /** For DL4J's configuration deserialisation. */
    public FastPooling() {
        super();
    }

    private FastPooling(SubsamplingLayer.Builder builder) {
        super(builder);
    }

    /** Square window and stride, no padding, truncated borders: the pooling every model family uses. */
    public static FastPooling of(SubsamplingLayer.PoolingType type, int kernel, int stride) {
        return new FastPooling(new SubsamplingLayer.Builder(type)
                .kernelSize(kernel, kernel)
                .stride(stride, stride)
                .padding(0, 0)
                .convolutionMode(ConvolutionMode.Truncate));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        if (!FastLayers.enabled()) {
            return super.instantiate(conf, trainingListeners, layerIndex, layerParamsView, initializeParams,
                    networkDataType);
        }
        return FastLayers.wire(new FastPoolingLayer(conf, networkDataType), this, conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public FastPooling clone() {
        return (FastPooling) super.clone();
    }
}
