package org.distill4j.models.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer with its three matrix products run by libnd4j's {@code matmul} op (oneDNN's JIT-compiled matrix
 * multiplication on this backend) instead of DL4J's calls into OpenBLAS: {@code y = x W + b},
 * {@code dW = x^T dy}, {@code dx = dy W^T}, {@code db = sum_batch dy}.
 *
 * <p>Measured for a 128 x 3072 by 3072 x 800 product on 2 cores: OpenBLAS 8.8, 16.3 and 7.8 ms for the three products,
 * {@code matmul} 5.3, 7.1 and 5.5 ms, PyTorch 4.1, 3.9 and 5.2 ms (issue 18); an MLP step is little else. Layers with
 * an activation other than the identity, dropout on their input, layer norm, weight noise or a mask are DL4J's.
 */
public class FastDenseLayer extends DenseLayer {

    public FastDenseLayer(NeuralNetConfiguration configuration, DataType dataType) {
        super(configuration, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
            LayerWorkspaceMgr workspaces) {
        if (!handles()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaces);
        }
        assertInputSet(forBackprop);
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray in = input.castTo(dataType);
        if (in.rank() != 2 || in.columns() != weights.rows()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaces);
        }
        INDArray output = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType, in.size(0), weights.size(1));
        matmul(in, weights, output, false, false);
        if (hasBias()) {
            output.addiRowVector(getParam(DefaultParamInitializer.BIAS_KEY));
        }
        return new Pair<>(output, output);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (!handles() || input.rank() != 2) {
            return super.backpropGradient(epsilon, workspaces);
        }
        assertInputSet(true);
        INDArray delta = epsilon.castTo(dataType);
        INDArray in = input.castTo(dataType);
        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGradient, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {delta.size(0), weights.size(0)}, 'c');
        matmul(delta, weights, inputGradient, false, true);
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        matmul(in, delta, weightGradient, true, false);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        return new Pair<>(gradient, inputGradient);
    }

    private static void matmul(INDArray left, INDArray right, INDArray output, boolean transposeLeft,
            boolean transposeRight) {
        Nd4j.exec(DynamicCustomOp.builder("matmul")
                .addInputs(left, right)
                .addOutputs(output)
                .addIntegerArguments(transposeLeft ? 1 : 0, transposeRight ? 1 : 0)
                .build());
    }

    /** Identity activation, float32, no dropout, layer norm, weight noise or mask: what this layer covers. */
    private boolean handles() {
        org.deeplearning4j.nn.conf.layers.DenseLayer configuration = layerConf();
        return configuration.getActivationFn() instanceof ActivationIdentity && configuration.getIDropout() == null
                && !configuration.hasLayerNorm() && configuration.getWeightNoise() == null && maskArray == null
                && dataType == DataType.FLOAT;
    }
}
