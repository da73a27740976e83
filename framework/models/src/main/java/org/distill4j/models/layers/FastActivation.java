package org.distill4j.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's activation-layer configuration ({@code instanceof ActivationLayer} holds) whose layer is
 * {@link FastActivationLayer} on the CPU backend and DL4J's own elsewhere ({@link FastLayers#enabled()}).
 */
public class FastActivation extends ActivationLayer {

    /** For DL4J's configuration deserialisation. */
    public FastActivation() {
        super();
    }

    private FastActivation(ActivationLayer.Builder builder) {
        super(builder);
    }

    public static FastActivation of(Activation function) {
        return new FastActivation(new ActivationLayer.Builder().activation(function));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        if (!FastLayers.enabled()) {
            return super.instantiate(conf, trainingListeners, layerIndex, layerParamsView, initializeParams,
                    networkDataType);
        }
        return FastLayers.wire(new FastActivationLayer(conf, networkDataType), this, conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public FastActivation clone() {
        return (FastActivation) super.clone();
    }
}
