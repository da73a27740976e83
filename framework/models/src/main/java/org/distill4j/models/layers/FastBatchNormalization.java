package org.distill4j.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's batch-norm configuration (same parameters, same serialised fields, {@code instanceof BatchNormalization}
 * holds for every check and surgery that asks) whose layer is {@link FastBatchNormalizationLayer} on the CPU backend
 * and DL4J's own elsewhere ({@link FastLayers#enabled()}).
 */
public class FastBatchNormalization extends BatchNormalization {

    /** For DL4J's configuration deserialisation; defaults as DL4J's builder gives them. */
    public FastBatchNormalization() {
        super();
    }

    /** Gamma 1, beta 0, learned; the given epsilon and running-average decay (PyTorch momentum = 1 - decay). */
    public static FastBatchNormalization of(double epsilon, double decay) {
        FastBatchNormalization layer = new FastBatchNormalization();
        layer.setGamma(1.0);
        layer.setBeta(0.0);
        layer.setEps(epsilon);
        layer.setDecay(decay);
        layer.setLockGammaBeta(false);
        // The graph's default activation would otherwise be inherited; DL4J's batch norm ignores it, say so anyway.
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
        return FastLayers.wire(new FastBatchNormalizationLayer(conf, networkDataType), this, conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public FastBatchNormalization clone() {
        return (FastBatchNormalization) super.clone();
    }
}
