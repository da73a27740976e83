package org.distill4j.plugin.attentiontransfer;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.weights.WeightInit;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradientTap;
import org.distill4j.api.InputGradients;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.Objective;
import org.distill4j.kernel.engine.StudentStep;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.testkit.TaskCrossEntropy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parameter gradient the engine produces for cross-entropy plus each input-gradient distiller (its
 * finite-difference Hessian-vector product) against a brute-force central difference of the whole objective with
 * respect to every parameter (71; 47 with the pool), with J recomputed by DL4J back-propagation at each perturbed point. Double
 * precision, a conv-tanh-dense-tanh-dense network without batch norm on 1x2x3 images: tanh keeps the second
 * derivatives continuous, so neither side of the comparison crosses a ReLU kink. The distance (paper or squared)
 * only changes the loss graph, whose gradient the distillers' own tests check; one of them suffices here.
 */
class GradientDistillersBruteForceTest {

    private static final int CLASSES = 3;
    private static final TensorShape IMAGE = TensorShape.map(1, 2, 3);
    private static final int[] LABELS = {0, 2, 1, 2};

    @Test
    void crossEntropyPlusGradientAttentionTransfer() {
        TrainableGraph teacher = network(2);
        INDArray features = AttentionReference.array(AttentionReference.random(51, 4, 1, 2, 3));
        Map<String, INDArray> teacherTaps = Map.of(InputGradients.INPUT_GRADIENT,
                teacher.inputGradient(features, LABELS));

        double error = bruteForceError("gradient-attention-transfer", network(1), features, teacherTaps,
                new GradientAttentionTransferDistiller(new GradientAttentionTransferParams(2, GradientDistance.PAPER)));

        assertThat(error).isLessThan(1e-3);
    }

    @Test
    void crossEntropyPlusFlipInvariance() {
        INDArray features = AttentionReference.array(AttentionReference.random(52, 4, 1, 2, 3));

        double error = bruteForceError("flip-invariance", network(3), features, Map.of(),
                new FlipInvarianceDistiller(new FlipInvarianceParams(2, GradientDistance.PAPER)));

        assertThat(error).isLessThan(1e-3);
    }

    /**
     * The experiments' networks (the nin family with elu and average pooling): ELU's first derivative is continuous
     * and an average pool has no switching maximum, so the finite difference stays exact to first order although
     * ELU's second derivative jumps at 0.
     */
    @Test
    void gradientAttentionTransferOnAnEluNetworkWithAveragePooling() {
        TrainableGraph teacher = network(4, Activation.ELU, true);
        INDArray features = AttentionReference.array(AttentionReference.random(53, 4, 1, 2, 3));
        Map<String, INDArray> teacherTaps = Map.of(InputGradients.INPUT_GRADIENT,
                teacher.inputGradient(features, LABELS));

        double error = bruteForceError("gradient-attention-transfer (elu, avg pool)", network(5, Activation.ELU, true),
                features, teacherTaps,
                new GradientAttentionTransferDistiller(new GradientAttentionTransferParams(2, GradientDistance.PAPER)));

        assertThat(error).isLessThan(1e-3);
    }

    @Test
    void flipInvarianceOnAnEluNetworkWithAveragePooling() {
        INDArray features = AttentionReference.array(AttentionReference.random(54, 4, 1, 2, 3));

        double error = bruteForceError("flip-invariance (elu, avg pool)", network(6, Activation.ELU, true), features,
                Map.of(), new FlipInvarianceDistiller(new FlipInvarianceParams(2, GradientDistance.PAPER)));

        assertThat(error).isLessThan(1e-3);
    }

    /** The larger of the worst element's relative error and the error's norm relative to the gradient's. */
    private static double bruteForceError(String what, TrainableGraph student, INDArray features,
            Map<String, INDArray> teacher, Distiller distiller) {
        CompiledLoss loss = compile(distiller, !teacher.isEmpty());
        CompiledLoss crossEntropy = compile(null, false);
        INDArray start = student.params().dup();
        INDArray engine = stepGradient(student, loss, features, teacher);
        student.setParams(start.dup());
        INDArray crossEntropyOnly = stepGradient(student, crossEntropy, features, Map.of());
        student.setParams(start.dup());

        double step = 1e-6;
        INDArray parameters = student.params();
        double[] numeric = new double[(int) parameters.length()];
        for (int i = 0; i < numeric.length; i++) {
            double original = parameters.getDouble(i);
            parameters.putScalar(i, original + step);
            double plus = objective(student, loss, features, teacher);
            parameters.putScalar(i, original - step);
            double minus = objective(student, loss, features, teacher);
            parameters.putScalar(i, original);
            numeric[i] = (plus - minus) / (2 * step);
        }
        double scale = Arrays.stream(numeric).map(Math::abs).max().orElseThrow();
        double worst = 0;
        double differenceSquares = 0;
        double numericSquares = 0;
        double termSquares = 0;
        for (int i = 0; i < numeric.length; i++) {
            double exact = engine.getDouble(i);
            double difference = Math.abs(numeric[i] - exact);
            // Elements far below the gradient's scale are compared against 1e-3 of its largest element.
            worst = Math.max(worst, difference / Math.max(1e-3 * scale, Math.max(Math.abs(numeric[i]),
                    Math.abs(exact))));
            differenceSquares += difference * difference;
            numericSquares += numeric[i] * numeric[i];
            double term = exact - crossEntropyOnly.getDouble(i);
            termSquares += term * term;
        }
        double overall = Math.sqrt(differenceSquares / numericSquares);
        double share = Math.sqrt(termSquares / numericSquares);
        System.out.printf(Locale.ROOT, "brute force, cross-entropy + %s, %d parameters: largest relative error %.3g,"
                + " relative norm of the error %.3g, the term is %.3g of the gradient's norm%n", what, numeric.length,
                worst, overall, share);
        assertThat(share).as("the input-gradient term matters").isGreaterThan(0.05);
        return Math.max(worst, overall);
    }

    private static INDArray stepGradient(TrainableGraph student, CompiledLoss loss, INDArray features,
            Map<String, INDArray> teacher) {
        INDArray[] captured = new INDArray[1];
        new StudentStep(student, loss).run(features, teacher, LABELS, new TrainableGraph.UpdateHook() {
            @Override
            public void beforeUpdate(TrainableGraph graph, Gradient gradient) {
                captured[0] = gradient.gradient().dup();
            }
        });
        return captured[0];
    }

    /** The whole objective at the current parameters, with J from DL4J back-propagation. */
    private static double objective(TrainableGraph student, CompiledLoss loss, INDArray features,
            Map<String, INDArray> teacher) {
        Map<String, INDArray> taps = new HashMap<>();
        taps.put(NetworkSpec.LOGITS, student.output(false, features)[0]);
        for (String tap : loss.inputGradientTaps().stream().map(InputGradientTap::name).toList()) {
            // The reference flip, not the distiller's transform, so a wrong transform shows as a gradient error.
            INDArray point = tap.equals(FlipInvarianceDistiller.FLIPPED_INPUT_GRADIENT) ? flip(features) : features;
            taps.put(tap, student.inputGradient(point, LABELS));
        }
        return loss.evaluate(taps, teacher, LABELS).loss();
    }

    private static INDArray flip(INDArray images) {
        double[][][][] values = new double[(int) images.size(0)][(int) images.size(1)][(int) images.size(2)]
                [(int) images.size(3)];
        for (int b = 0; b < values.length; b++) {
            for (int c = 0; c < values[b].length; c++) {
                for (int h = 0; h < values[b][c].length; h++) {
                    for (int w = 0; w < values[b][c][h].length; w++) {
                        values[b][c][h][w] = images.getDouble(b, c, h, w);
                    }
                }
            }
        }
        return AttentionReference.array(GradientReference.flip(values));
    }

    /** Cross-entropy, plus {@code distiller} unless it is null. */
    private static CompiledLoss compile(Distiller distiller, boolean teacher) {
        List<Objective> objectives = new ArrayList<>();
        objectives.add(new Objective("cross-entropy", new TaskCrossEntropy(), 1.0));
        if (distiller != null) {
            objectives.add(new Objective("input-gradient", distiller, 1.0));
        }
        return CompiledLoss.compile(objectives, Map.of(NetworkSpec.LOGITS, TensorShape.vector(CLASSES),
                NetworkSpec.INPUT, IMAGE), teacher ? Map.of(NetworkSpec.INPUT, IMAGE) : Map.of(), CLASSES,
                DataType.DOUBLE);
    }

    /** conv3x3(2, tanh) - dense(3, tanh) - dense(3) on 1x2x3 images, double precision, no batch norm. */
    private static TrainableGraph network(long seed) {
        return network(seed, Activation.TANH, false);
    }

    /**
     * conv3x3(2, function) - [2x2 average pool, stride 1] - dense(3, function) - dense(3) on 1x2x3 images, double
     * precision, no batch norm.
     */
    private static TrainableGraph network(long seed, Activation function, boolean averagePool) {
        ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER).biasInit(0.1)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs(NetworkSpec.INPUT)
                .setInputTypes(InputType.convolutional(2, 3, 1))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(2)
                        .activation(function).build(), NetworkSpec.INPUT)
                .addLayer("pool", averagePool
                        ? new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2).stride(1, 1)
                                .build()
                        : new ActivationLayer.Builder().activation(Activation.IDENTITY).build(), "conv")
                .addLayer("hidden", new DenseLayer.Builder().nOut(3).activation(function).build(), "pool")
                .addLayer(NetworkSpec.LOGITS, new DenseLayer.Builder().nOut(CLASSES).activation(Activation.IDENTITY)
                        .build(), "hidden")
                .setOutputs(NetworkSpec.LOGITS)
                .build();
        TrainableGraph graph = new TrainableGraph(configuration);
        graph.init();
        return graph;
    }
}
