package org.distill4j.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Collection;

/**
 * Whether the fast layer implementations of this package run, or DL4J's own.
 *
 * <p>They exist for the CPU backend, where DL4J 1.0.0-M2.1's oneDNN helpers are slow for small tensors in NCHW:
 * oneDNN's reference NCHW pooling, a batch-norm helper that computes its variance with a slow summary-statistics
 * reduction and allocates detached arrays every step, a ReLU derivative through a per-element {@code std::function}
 * (measured in issue 18). On CUDA, DL4J's cuDNN helpers are the fast path, so the configurations instantiate DL4J's
 * layers there. The system property {@value #DISABLE_PROPERTY}{@code =true} selects DL4J's layers everywhere (for
 * comparisons).
 */
public final class FastLayers {

    /** Set to {@code true} to run DL4J's own layer implementations instead. */
    public static final String DISABLE_PROPERTY = "distill4j.fast-layers.disable";

    private FastLayers() {
    }

    /**
     * A fast layer back-propagates through what its last training forward pass kept; it refuses to when that pass
     * was of another input (or there was none), which would give wrong gradients silently.
     *
     * @param trainedShape the input shape of the last training forward pass, or null
     */
    static void requireTrainingForward(long[] trainedShape, INDArray input, String layerKind, String layerName) {
        if (trainedShape == null || !Arrays.equals(trainedShape, input.shape())) {
            throw new IllegalStateException(layerKind + " '" + layerName + "' back-propagates without a training"
                    + " forward pass of this input before it; run activate(training = true) first");
        }
    }

    /**
     * Wires a freshly constructed layer as DL4J's own configurations do in {@code instantiate}: listeners, index,
     * parameter view and the parameter table its initializer makes of that view.
     */
    static Layer wire(Layer layer, org.deeplearning4j.nn.conf.layers.Layer configuration, NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray parameters, boolean initialise) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(parameters);
        layer.setParamTable(configuration.initializer().init(conf, parameters, initialise));
        layer.setConf(conf);
        return layer;
    }

    /** True where the fast implementations are used: the CPU backend, unless disabled by the system property. */
    public static boolean enabled() {
        if (Boolean.getBoolean(DISABLE_PROPERTY)) {
            return false;
        }
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "");
        return "CPU".equalsIgnoreCase(backend);
    }
}
