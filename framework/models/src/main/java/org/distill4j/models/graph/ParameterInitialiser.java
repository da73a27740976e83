package org.distill4j.models.graph;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.network.Initialisation;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Initialises the trainable parameters of an initialised graph as its spec's {@link Initialisation} says, right
 * after {@code ComputationGraph.init()}; DL4J's builder knows only its own weight schemes and constant biases, so the
 * papers' schemes are drawn here.
 *
 * <p>Deterministic from the seed: each convolution, dense and batch-norm vertex draws from its own stream, seeded
 * by the run's seed and the vertex name, so adding a tap or a vertex elsewhere leaves a layer's initial values
 * unchanged. {@link Initialisation#HE_NORMAL_FAN_IN} keeps the values DL4J's {@code WeightInit.RELU} drew from the
 * graph's seed ({@link GraphBuilder} configures it), so networks of that scheme start exactly as before families
 * chose their schemes.
 *
 * <p>DL4J layouts: a convolution's {@code W} is {@code [out, in, k, k]}, a dense layer's {@code W} is
 * {@code [in, out]}, biases {@code b} are {@code [1, out]}; batch norm holds {@code gamma} and {@code beta}
 * ({@code [1, channels]}) and its running statistics, which stay as DL4J starts them (mean 0, variance 1).
 */
public final class ParameterInitialiser {

    private static final String WEIGHT = "W";
    private static final String BIAS = "b";
    private static final String GAMMA = "gamma";
    private static final String BETA = "beta";

    /** RepDistiller's VGG classifier: {@code m.weight.data.normal_(0, 0.01)}. */
    static final double SMALL_DENSE_STANDARD_DEVIATION = 0.01;

    private ParameterInitialiser() {
    }

    /** Draws the spec's scheme into the graph's parameters (the graph must be initialised and built from the spec). */
    public static void apply(ComputationGraph graph, NetworkSpec spec, long seed) {
        Objects.requireNonNull(graph, "graph");
        Initialisation scheme = spec.initialisation();
        for (NodeSpec node : spec.nodes()) {
            if (node instanceof NodeSpec.Conv2d) {
                convolution(scheme, layer(graph, node), random(seed, node));
            } else if (node instanceof NodeSpec.Dense) {
                dense(scheme, layer(graph, node), random(seed, node));
            } else if (node instanceof NodeSpec.BatchNorm) {
                batchNorm(scheme, layer(graph, node), random(seed, node));
            }
        }
    }

    private static void convolution(Initialisation scheme, Layer layer, SplittableRandom random) {
        INDArray weight = layer.getParam(WEIGHT);
        long receptive = weight.size(2) * weight.size(3);
        long fanIn = weight.size(1) * receptive;
        long fanOut = weight.size(0) * receptive;
        switch (scheme) {
            case HE_NORMAL_FAN_IN, HE_NORMAL_FAN_IN_UNIFORM_GAMMA -> {
                // DL4J's WeightInit.RELU already drew N(0, 2/fanIn) and set the bias to 0.
            }
            case TORCH_DEFAULT -> torchDefault(layer, fanIn, random);
            case KAIMING_NORMAL_FAN_OUT, KAIMING_NORMAL_FAN_OUT_DENSE_NORMAL -> {
                fill(weight, normal(random, Math.sqrt(2.0 / fanOut)));
                fillBias(layer, () -> 0);
            }
        }
    }

    private static void dense(Initialisation scheme, Layer layer, SplittableRandom random) {
        INDArray weight = layer.getParam(WEIGHT);
        long fanIn = weight.size(0);
        switch (scheme) {
            case HE_NORMAL_FAN_IN, HE_NORMAL_FAN_IN_UNIFORM_GAMMA -> {
                // As for convolutions: DL4J's N(0, 2/fanIn) weights and zero biases are the scheme.
            }
            case TORCH_DEFAULT, KAIMING_NORMAL_FAN_OUT -> torchDefault(layer, fanIn, random);
            case KAIMING_NORMAL_FAN_OUT_DENSE_NORMAL -> {
                fill(weight, normal(random, SMALL_DENSE_STANDARD_DEVIATION));
                fillBias(layer, () -> 0);
            }
        }
    }

    private static void batchNorm(Initialisation scheme, Layer layer, SplittableRandom random) {
        // Gamma 1 and beta 0 come from the layer configuration; only one scheme draws gamma.
        if (scheme == Initialisation.HE_NORMAL_FAN_IN_UNIFORM_GAMMA) {
            fill(layer.getParam(GAMMA), random::nextDouble);
            layer.getParam(BETA).assign(0);
        }
    }

    /**
     * PyTorch's {@code reset_parameters} of {@code Conv2d} and {@code Linear}: {@code kaiming_uniform_(w, a=sqrt(5))}
     * has gain {@code sqrt(2 / (1 + 5))} and bound {@code gain * sqrt(3 / fanIn) = 1 / sqrt(fanIn)}; the bias is drawn
     * from the same bound.
     */
    private static void torchDefault(Layer layer, long fanIn, SplittableRandom random) {
        double bound = 1 / Math.sqrt(fanIn);
        fill(layer.getParam(WEIGHT), uniform(random, bound));
        fillBias(layer, uniform(random, bound));
    }

    private static void fillBias(Layer layer, DoubleSupplier values) {
        // paramTable, not getParam: a layer without bias throws from getParam.
        INDArray bias = layer.paramTable().get(BIAS);
        if (bias != null) {
            fill(bias, values);
        }
    }

    private static DoubleSupplier uniform(SplittableRandom random, double bound) {
        return () -> random.nextDouble(-bound, bound);
    }

    private static DoubleSupplier normal(SplittableRandom random, double standardDeviation) {
        return () -> random.nextGaussian() * standardDeviation;
    }

    private static void fill(INDArray parameter, DoubleSupplier values) {
        float[] drawn = new float[Math.toIntExact(parameter.length())];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = (float) values.getAsDouble();
        }
        parameter.assign(Nd4j.createFromArray(drawn).reshape('c', parameter.shape()).castTo(parameter.dataType()));
    }

    private static Layer layer(ComputationGraph graph, NodeSpec node) {
        Layer layer = graph.getLayer(node.name());
        if (layer == null) {
            throw new IllegalArgumentException("the graph has no layer '" + node.name() + "' of its spec; initialise a"
                    + " graph built from the same spec");
        }
        return layer;
    }

    /** A stream per vertex: the run's seed mixed with the vertex name (SplitMix64's golden-ratio increment). */
    private static SplittableRandom random(long seed, NodeSpec node) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + node.name().hashCode());
    }
}
