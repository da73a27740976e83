package org.distill4j.models.graph;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.L2NormalizeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.distill4j.api.network.ActivationFunction;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.layers.FastActivation;
import org.distill4j.models.layers.FastBatchNormalization;
import org.distill4j.models.layers.FastDense;
import org.distill4j.models.layers.FastPooling;
import org.nd4j.linalg.activations.Activation;

/**
 * Adds the DL4J layer or vertex for one spec vertex to a graph configuration, under the vertex's name. Input sizes
 * are left to DL4J's input-type inference (which also inserts the channel-row-column flatten before a dense layer
 * that reads a feature map).
 */
final class LayerTranslator {

    /** PyTorch's BatchNorm2d default; DL4J's running average keeps {@code decay} of the old value (momentum 0.1). */
    static final double BATCH_NORM_EPSILON = 1e-5;
    static final double BATCH_NORM_DECAY = 0.9;

    /** PyTorch's {@code F.normalize} default: the norm is clamped to at least this. */
    static final double L2_NORMALIZE_EPSILON = 1e-12;

    private LayerTranslator() {
    }

    static void add(ComputationGraphConfiguration.GraphBuilder graph, NodeSpec node) {
        String name = node.name();
        String[] inputs = node.inputs().toArray(String[]::new);
        if (node instanceof NodeSpec.Conv2d convolution) {
            graph.addLayer(name, convolution(convolution), inputs);
        } else if (node instanceof NodeSpec.BatchNorm) {
            graph.addLayer(name, batchNorm(), inputs);
        } else if (node instanceof NodeSpec.Relu) {
            graph.addLayer(name, activation(Activation.RELU), inputs);
        } else if (node instanceof NodeSpec.Activation activation) {
            graph.addLayer(name, activation(function(activation.function())), inputs);
        } else if (node instanceof NodeSpec.MaxPool pool) {
            graph.addLayer(name, pooling(SubsamplingLayer.PoolingType.MAX, pool.kernel(), pool.stride()), inputs);
        } else if (node instanceof NodeSpec.AvgPool pool) {
            graph.addLayer(name, pooling(SubsamplingLayer.PoolingType.AVG, pool.kernel(), pool.stride()), inputs);
        } else if (node instanceof NodeSpec.GlobalAvgPool) {
            graph.addLayer(name, new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(true).build(), inputs);
        } else if (node instanceof NodeSpec.Dense dense) {
            graph.addLayer(name, FastDense.of(dense.units(), dense.bias()), inputs);
        } else if (node instanceof NodeSpec.Dropout dropout) {
            graph.addLayer(name, dropout(dropout.rate()), inputs);
        } else if (node instanceof NodeSpec.Add) {
            graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), inputs);
        } else if (node instanceof NodeSpec.L2Normalize) {
            graph.addVertex(name, new L2NormalizeVertex(null, L2_NORMALIZE_EPSILON), inputs);
        } else if (node instanceof NodeSpec.Identity) {
            graph.addLayer(name, activation(Activation.IDENTITY), inputs);
        } else {
            throw new IllegalArgumentException("vertex '" + name + "' has a type the graph builder does not know: "
                    + node.getClass().getSimpleName());
        }
    }

    /** An activation layer; with the identity, a stable name on a position, or a tap. */
    static ActivationLayer activation(Activation function) {
        return FastActivation.of(function);
    }

    /** DL4J's function for a spec function; DL4J's ELU has alpha 1, the spec's. */
    static Activation function(ActivationFunction function) {
        return switch (function) {
            case RELU -> Activation.RELU;
            case ELU -> Activation.ELU;
            case SOFTPLUS -> Activation.SOFTPLUS;
            case TANH -> Activation.TANH;
        };
    }

    private static ConvolutionLayer convolution(NodeSpec.Conv2d node) {
        // Identity activation: the ReLU is its own vertex so the pre-activation stays addressable (docs/design.md §3).
        return new ConvolutionLayer.Builder()
                .kernelSize(node.kernel(), node.kernel())
                .stride(node.stride(), node.stride())
                .padding(node.padding(), node.padding())
                .convolutionMode(ConvolutionMode.Truncate)
                .nOut(node.outChannels())
                .hasBias(node.bias())
                .activation(Activation.IDENTITY)
                .build();
    }

    private static BatchNormalization batchNorm() {
        // Gamma 1 and beta 0 given explicitly: DL4J initialises them from these configuration values.
        return FastBatchNormalization.of(BATCH_NORM_EPSILON, BATCH_NORM_DECAY);
    }

    private static SubsamplingLayer pooling(SubsamplingLayer.PoolingType type, int kernel, int stride) {
        return FastPooling.of(type, kernel, stride);
    }

    private static org.deeplearning4j.nn.conf.layers.Layer dropout(double rate) {
        if (rate == 0) {
            return activation(Activation.IDENTITY);
        }
        // DL4J takes the probability of keeping a unit; the spec holds the probability of dropping it.
        return new DropoutLayer.Builder(1 - rate).build();
    }
}
