package org.distill4j.models.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over the channel axis of {@code [N, C]} or NCHW {@code [N, C, H, W]} float32 activations,
 * computed by {@link BatchNormKernel} on Java arrays (one bulk copy in and out of ND4J's memory per pass).
 *
 * <p>Forward in training: {@code mean = E[x]}, biased {@code var = E[(x - mean)^2]},
 * {@code xhat = (x - mean) / sqrt(var + eps)}, {@code y = gamma * xhat + beta}; {@code xhat} is kept for the backward
 * pass. Backward, with {@code M = N * H * W} values per channel: {@code dbeta = sum(dy)},
 * {@code dgamma = sum(dy * xhat)}, {@code dx = gamma / sqrt(var + eps) * (dy - dbeta / M - xhat * dgamma / M)}.
 *
 * <p>Running statistics follow PyTorch's {@code BatchNorm}: {@code running = decay * running + (1 - decay) * batch},
 * with the unbiased batch variance ({@code M / (M - 1)} times the biased one; DL4J's own layer uses the biased one).
 * As in DL4J they are updated through the gradient vector: the step subtracts {@code old - new} from them (their
 * updater is DL4J's no-op), stored as the variance or as log10 of the standard deviation, whichever the configuration
 * holds.
 *
 * <p>DL4J's layer and its oneDNN helper made batch norm the largest single cost of a small CNN's training step on this
 * backend: a summary-statistics reduction for the variance, detached {@code x - mean} and {@code xhat} arrays
 * allocated every step, oneDNN's NCHW backward (issue 18). The Java loops run 5-7 times faster than even a sequence
 * of ND4J reductions and broadcasts over the same data. Other data types and layouts (double, NHWC, locked gamma and
 * beta, rank 3) are left to DL4J's implementation.
 */
public class FastBatchNormalizationLayer extends BatchNormalization {

    private static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
    private static final String BETA = BatchNormalizationParamInitializer.BETA;
    private static final String RUNNING_MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;
    private static final String RUNNING_VARIANCE = BatchNormalizationParamInitializer.GLOBAL_VAR;
    private static final String RUNNING_LOG_STD = BatchNormalizationParamInitializer.GLOBAL_LOG_STD;

    /** Reused host memory: the input or output gradient, the normalised input of the last training pass, a result. */
    private float[] values;
    private float[] normalised;
    private float[] result;
    /** Per-channel statistics of the last training forward pass (biased variance). */
    private double[] batchMean = new double[0];
    private double[] batchVariance = new double[0];
    /** Shape of the last training forward pass, whose {@link #normalised} values the backward pass reads. */
    private long[] trainedShape;

    public FastBatchNormalizationLayer(NeuralNetConfiguration configuration, DataType dataType) {
        super(configuration, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        return preOutput(input, training ? TrainingMode.TRAIN : TrainingMode.TEST, workspaces);
    }

    @Override
    public INDArray preOutput(INDArray x, TrainingMode mode, LayerWorkspaceMgr workspaces) {
        if (!handles(x)) {
            trainedShape = null;
            return super.preOutput(x, mode, workspaces);
        }
        BatchNormKernel kernel = kernel(x);
        int channels = (int) x.size(1);
        values = HostArrays.capacity(values, x.length());
        result = HostArrays.capacity(result, x.length());
        HostArrays.read(x, values);
        float[] gamma = getParam(GAMMA).toFloatVector();
        float[] beta = getParam(BETA).toFloatVector();
        if (mode == TrainingMode.TRAIN) {
            if (batchMean.length != channels) {
                batchMean = new double[channels];
                batchVariance = new double[channels];
            }
            normalised = HostArrays.capacity(normalised, x.length());
            kernel.forwardTraining(values, gamma, beta, layerConf().getEps(), batchMean, batchVariance, normalised,
                    result);
            trainedShape = x.shape();
        } else {
            // y = x * scale + shift with scale = gamma / sqrt(var + eps), shift = beta - mean * scale.
            float[] mean = getParam(RUNNING_MEAN).toFloatVector();
            double[] variance = runningVariance(channels);
            float[] scale = new float[channels];
            float[] shift = new float[channels];
            for (int c = 0; c < channels; c++) {
                scale[c] = (float) (gamma[c] / Math.sqrt(variance[c] + layerConf().getEps()));
                shift[c] = beta[c] - mean[c] * scale[c];
            }
            kernel.affine(values, scale, shift, result);
        }
        INDArray output = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.shape(), 'c');
        HostArrays.write(result, output);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (!handles(input)) {
            return super.backpropGradient(epsilon, workspaces);
        }
        FastLayers.requireTrainingForward(trainedShape, input, "batch norm", layerConf().getLayerName());
        BatchNormKernel kernel = kernel(input);
        int channels = (int) input.size(1);
        values = HostArrays.capacity(values, input.length());
        HostArrays.read(epsilon, values);
        float[] gamma = getParam(GAMMA).toFloatVector();
        float[] gammaOverStd = new float[channels];
        for (int c = 0; c < channels; c++) {
            gammaOverStd[c] = (float) (gamma[c] / Math.sqrt(batchVariance[c] + layerConf().getEps()));
        }
        double[] gammaGradient = new double[channels];
        double[] betaGradient = new double[channels];
        kernel.backward(values, normalised, gammaOverStd, gammaGradient, betaGradient, result);
        INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(),
                'c');
        HostArrays.write(result, inputGradient);
        write(gammaGradient, gradientViews.get(GAMMA));
        write(betaGradient, gradientViews.get(BETA));

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(GAMMA, gradientViews.get(GAMMA));
        gradient.setGradientFor(BETA, gradientViews.get(BETA));
        runningStatisticsUpdate(channels, kernel.perChannel(), gradient);
        trainedShape = null;
        return new Pair<>(gradient, inputGradient);
    }

    /** Writes {@code old - new} of the running statistics into their gradient views (the step subtracts it). */
    private void runningStatisticsUpdate(int channels, double perChannel, Gradient gradient) {
        double decay = layerConf().getDecay();
        double unbiased = perChannel > 1 ? perChannel / (perChannel - 1) : 1;
        float[] oldMean = getParam(RUNNING_MEAN).toFloatVector();
        double[] meanDelta = new double[channels];
        for (int c = 0; c < channels; c++) {
            meanDelta[c] = (1 - decay) * (oldMean[c] - batchMean[c]);
        }
        write(meanDelta, gradientViews.get(RUNNING_MEAN));
        double[] oldVariance = runningVariance(channels);
        double[] varianceDelta = new double[channels];
        for (int c = 0; c < channels; c++) {
            double updated = decay * oldVariance[c] + (1 - decay) * unbiased * batchVariance[c];
            // As the log10 standard deviation: log10(std_old) - log10(std_new) = 0.5 * log10(var_old / var_new).
            varianceDelta[c] = layerConf().isUseLogStd() ? 0.5 * Math.log10(oldVariance[c] / updated)
                    : oldVariance[c] - updated;
        }
        String variance = layerConf().isUseLogStd() ? RUNNING_LOG_STD : RUNNING_VARIANCE;
        write(varianceDelta, gradientViews.get(variance));
        gradient.setGradientFor(RUNNING_MEAN, gradientViews.get(RUNNING_MEAN));
        gradient.setGradientFor(variance, gradientViews.get(variance));
    }

    /** The running variance, from whichever form the parameters store. */
    private double[] runningVariance(int channels) {
        double[] variance = new double[channels];
        if (layerConf().isUseLogStd()) {
            float[] logStd = getParam(RUNNING_LOG_STD).toFloatVector();
            for (int c = 0; c < channels; c++) {
                variance[c] = Math.pow(10, 2.0 * logStd[c]);
            }
        } else {
            float[] stored = getParam(RUNNING_VARIANCE).toFloatVector();
            for (int c = 0; c < channels; c++) {
                variance[c] = stored[c];
            }
        }
        return variance;
    }

    private static void write(double[] values, INDArray view) {
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            view.assign(Nd4j.createFromArray(values).castTo(view.dataType()).reshape(view.shape()));
        }
    }

    private static BatchNormKernel kernel(INDArray x) {
        long spatial = x.rank() == 2 ? 1 : x.size(2) * x.size(3);
        return new BatchNormKernel(x.size(0), x.size(1), spatial);
    }

    /** Float32, rank 2 or rank 4 in NCHW, learned gamma and beta: what this implementation covers. */
    private boolean handles(INDArray x) {
        boolean layout = x.rank() == 2 || (x.rank() == 4 && layerConf().getCnn2DFormat() == CNN2DFormat.NCHW);
        return layout && x.dataType() == DataType.FLOAT && dataType == DataType.FLOAT
                && !layerConf().isLockGammaBeta();
    }
}
