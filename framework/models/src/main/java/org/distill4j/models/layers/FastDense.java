package org.distill4j.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's dense-layer configuration ({@code instanceof DenseLayer} holds; same parameters {@code W} and {@code b}) whose
 * layer is {@link FastDenseLayer} on the CPU backend and DL4J's own elsewhere ({@link FastLayers#enabled()}).
 */
public class FastDense extends DenseLayer {

    /** For DL4J's configuration deserialisation. */
    public FastDense() {
        super();
    }

    /** A dense layer of {@code units} outputs with the identity activation (the spec's ReLU is its own vertex). */
    public static FastDense of(long units, boolean bias) {
        FastDense layer = new FastDense();
        layer.setNOut(units);
        layer.setHasBias(bias);
        layer.setActivationFn(new ActivationIdentity());
        return layer;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        if (!FastLayers.enabled()) {
            return super.instantiate(conf, trainingListeners, layerIndex, layerParamsView, initializeParams,
                    networkDataType);
        }
        return FastLayers.wire(new FastDenseLayer(conf, networkDataType), this, conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public FastDense clone() {
        return (FastDense) super.clone();
    }
}
