package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.InputShape;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.List;
import java.util.Random;

/** Hand-built graphs and data for engine tests, independent of the model families. */
final class TinyNetworks {

    /** conv3x3(4)-BN-ReLU-maxpool-dense(classes) on 1x8x8, with a tap on the ReLU. */
    static TrainableGraph convolutional(long seed, int classes, boolean tapRelu) {
        ComputationGraphConfiguration.GraphBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).updater(new NoOp()).weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(8, 8, 1))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(4)
                        .activation(Activation.IDENTITY).build(), "input")
                .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
                .addLayer("relu", new ActivationLayer(Activation.RELU), "bn")
                .addLayer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build(), "relu")
                .addLayer("logits", new DenseLayer.Builder().nOut(classes).activation(Activation.IDENTITY).build(), "pool");
        if (tapRelu) {
            builder.addLayer("relu@tap", new ActivationLayer(Activation.IDENTITY), "relu");
            builder.setOutputs("logits", "relu@tap");
        } else {
            builder.setOutputs("logits");
        }
        TrainableGraph graph = new TrainableGraph(builder.build());
        graph.init();
        return graph;
    }

    /**
     * A double-precision conv3x3(2)-tanh-[BN]-dense(3, tanh, [dropout on its input])-dense(classes) graph on 1x2x3
     * images (about 70 parameters, so brute-force differences over every parameter stay cheap), for
     * finite-difference checks of input gradients: tanh keeps every derivative smooth, so second differences are not
     * disturbed by ReLU kinks.
     *
     * @param dropout the probability of dropping an input of the hidden dense layer, 0 for none
     */
    static TrainableGraph smooth(long seed, int classes, boolean batchNorm, double dropout) {
        ComputationGraphConfiguration.GraphBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .biasInit(0.1)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(2, 3, 1))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(2)
                        .activation(Activation.TANH).build(), "input");
        String last = "conv";
        if (batchNorm) {
            builder.addLayer("bn", new BatchNormalization.Builder().build(), "conv");
            last = "bn";
        }
        DenseLayer.Builder hidden = new DenseLayer.Builder().nOut(3).activation(Activation.TANH);
        if (dropout > 0) {
            // DL4J's dropOut takes the probability of keeping an input.
            hidden.dropOut(1 - dropout);
        }
        builder.addLayer("hidden", hidden.build(), last)
                .addLayer("logits", new DenseLayer.Builder().nOut(classes).activation(Activation.IDENTITY).build(),
                        "hidden")
                .setOutputs("logits");
        TrainableGraph graph = new TrainableGraph(builder.build());
        graph.init();
        return graph;
    }

    /** Class-structured 1x8x8 images: a fixed random template per class plus noise. */
    static Dataset data(int classes, int train, int validation, int test, long seed) {
        Random random = new Random(seed);
        float[][] templates = new float[classes][64];
        for (float[] template : templates) {
            for (int i = 0; i < template.length; i++) {
                template[i] = (float) random.nextGaussian();
            }
        }
        return new Dataset("tiny", new InputShape(1, 8, 8), names(classes),
                split(templates, train, random), split(templates, validation, random), split(templates, test, random),
                List.of());
    }

    private static DataSplit split(float[][] templates, int size, Random random) {
        float[] values = new float[size * 64];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % templates.length;
            for (int p = 0; p < 64; p++) {
                values[i * 64 + p] = templates[labels[i]][p] + 0.8f * (float) random.nextGaussian();
            }
        }
        INDArray features = Nd4j.create(values, new long[] {size, 1, 8, 8}, 'c');
        return new DataSplit(features, labels);
    }

    private static List<String> names(int classes) {
        return java.util.stream.IntStream.range(0, classes).mapToObj(i -> "class" + i).toList();
    }

    private TinyNetworks() {
    }
}
