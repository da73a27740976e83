package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.gradient.Gradient;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradientTap;
import org.distill4j.api.InputGradients;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.TensorShape;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input-gradient taps: {@code J} against finite differences of the cross-entropy, and the parameter gradient of a
 * loss on {@code J} (the finite-difference Hessian-vector product) against a brute-force central difference of the
 * whole objective with respect to every parameter, in double precision. The probe defines a tap of its own at the
 * mirrored batch, as a plugin's distiller would ({@link Distiller#inputGradientTaps()}).
 */
class InputGradientTest {

    /** The probe's own tap: {@code J} at the left-right mirrored batch. */
    static final String MIRRORED = "mirrored-input.gradient";

    private static final int CLASSES = 3;
    private static final int BATCH = 4;
    private static final TensorShape IMAGE = TensorShape.map(1, 2, 3);

    /**
     * CE + (beta/2) mean_b |J_b - T_b|_2 + (gamma/2) mean_b |J(flip x)_b - flip(J(x))_b|_2: both student taps and the
     * teacher's, in the paper's (unsquared) norm.
     */
    static final class Probe implements Distiller {
        private final double beta;
        private final double gamma;

        Probe(double beta, double gamma) {
            this.beta = beta;
            this.gamma = gamma;
        }

        public Set<String> studentTaps() {
            return Set.of("logits", InputGradients.INPUT_GRADIENT, MIRRORED);
        }

        @Override
        public List<InputGradientTap> inputGradientTaps() {
            return List.of(new InputGradientTap(MIRRORED, InputGradientTest::flip));
        }

        public Set<String> teacherTaps() {
            return Set.of(InputGradients.INPUT_GRADIENT);
        }

        public SDVariable defineLoss(LossGraph graph) {
            SameDiff sameDiff = graph.sameDiff();
            long[] shape = graph.studentShape(InputGradients.INPUT_GRADIENT);
            long elements = shape[1] * shape[2] * shape[3];
            SDVariable student = graph.student(InputGradients.INPUT_GRADIENT);
            SDVariable transfer = rowNorms(sameDiff, student.sub(graph.teacher(InputGradients.INPUT_GRADIENT)),
                    elements).mean().mul(beta / 2);
            SDVariable flip = rowNorms(sameDiff, graph.student(MIRRORED)
                    .sub(sameDiff.reverse(student, 3)), elements).mean().mul(gamma / 2);
            return Losses.crossEntropy(sameDiff, graph.student("logits"), graph.labels()).add(transfer).add(flip);
        }

        private static SDVariable rowNorms(SameDiff sameDiff, SDVariable difference, long elements) {
            SDVariable rows = difference.reshape(-1, elements);
            return sameDiff.math().sqrt(rows.mul(rows).sum(1));
        }
    }

    @Test
    void theInputGradientIsEachSamplesCrossEntropyGradient() {
        TrainableGraph graph = TinyNetworks.smooth(3, CLASSES, false, 0);
        INDArray features = random(11, BATCH, 1, 2, 3);
        int[] labels = {0, 1, 2, 1};

        INDArray gradient = graph.inputGradient(features, labels);

        assertThat(gradient.shape()).isEqualTo(features.shape());
        double worst = 0;
        double step = 1e-6;
        for (long i = 0; i < features.length(); i++) {
            double original = features.getDouble(i);
            features.putScalar(i, original + step);
            double plus = summedCrossEntropy(graph, features, labels);
            features.putScalar(i, original - step);
            double minus = summedCrossEntropy(graph, features, labels);
            features.putScalar(i, original);
            double numeric = (plus - minus) / (2 * step);
            worst = Math.max(worst, Math.abs(numeric - gradient.getDouble(i)) / Math.max(1e-3, Math.abs(numeric)));
        }
        assertThat(worst).isLessThan(1e-6);
    }

    @Test
    void extraPassesLeaveParametersIterationsAndRunningStatisticsAlone() {
        TrainableGraph graph = TinyNetworks.smooth(4, CLASSES, true, 0.2);
        INDArray before = graph.params().dup();
        int iterations = graph.getIterationCount();
        INDArray features = random(12, BATCH, 1, 2, 3);
        int[] labels = {0, 1, 2, 1};

        graph.inputGradient(features, labels);
        INDArray parameterGradient = graph.crossEntropyParameterGradient(features, labels);

        assertThat(graph.params()).isEqualTo(before);
        assertThat(graph.getIterationCount()).isEqualTo(iterations);
        List<long[]> statistics = runningStatistics(graph);
        assertThat(statistics).isNotEmpty();
        for (long[] interval : statistics) {
            for (long i = interval[0]; i < interval[1]; i++) {
                assertThat(parameterGradient.getDouble(i)).isZero();
            }
        }
        assertThat(parameterGradient.amaxNumber().doubleValue()).isGreaterThan(1e-4);
    }

    /**
     * The engine's parameter gradient of CE + input-gradient terms against brute force, with batch norm (batch
     * statistics couple the samples) and dropout (every pass must draw the step's masks). The plugin's
     * {@code GradientDistillersBruteForceTest} checks a network without either, with the real distillers.
     */
    @Test
    void theStepsGradientMatchesABruteForceDifferenceOfTheWholeObjective() {
        double error = bruteForceError("batch norm (batch statistics) and dropout 0.3 (the same masks in every pass)",
                TinyNetworks.smooth(6, CLASSES, true, 0.3));

        assertThat(error).isLessThan(1e-3);
    }

    @Test
    void batchNormRunningStatisticsAreUpdatedOnlyByTheStepsOwnPass() {
        TrainableGraph plain = TinyNetworks.smooth(8, CLASSES, true, 0);
        TrainableGraph withTerms = TrainableGraph.of(plain);
        INDArray features = random(14, BATCH, 1, 2, 3);
        int[] labels = {2, 0, 1, 1};
        Map<String, INDArray> teacher = Map.of(InputGradients.INPUT_GRADIENT, random(15, BATCH, 1, 2, 3));

        new StudentStep(plain, compile(new Probe(0, 0))).run(features, teacher, labels, TrainableGraph.UpdateHook.NONE);
        new StudentStep(withTerms, compile(new Probe(1, 1))).run(features, teacher, labels,
                TrainableGraph.UpdateHook.NONE);

        for (long[] interval : runningStatistics(plain)) {
            for (long i = interval[0]; i < interval[1]; i++) {
                assertThat(withTerms.params().getDouble(i)).isEqualTo(plain.params().getDouble(i));
            }
        }
        assertThat(withTerms.params().sub(plain.params()).amaxNumber().doubleValue()).isGreaterThan(1e-4);
    }

    /**
     * The largest relative difference between the step's gradient and brute force over the trainable parameters,
     * also checking that the input-gradient terms change the gradient noticeably (so the check is not vacuous).
     */
    private static double bruteForceError(String what, TrainableGraph graph) {
        INDArray features = random(21, BATCH, 1, 2, 3);
        int[] labels = {0, 2, 1, 2};
        Map<String, INDArray> teacher = Map.of(InputGradients.INPUT_GRADIENT, random(22, BATCH, 1, 2, 3).muli(0.3));
        CompiledLoss loss = compile(new Probe(1.0, 1.0));
        INDArray start = graph.params().dup();

        Nd4j.getRandom().setSeed(42);
        long stepSeed = Nd4j.getRandom().nextLong();
        Nd4j.getRandom().setSeed(42);
        INDArray engine = stepGradient(graph, loss, features, teacher, labels);
        graph.setParams(start.dup());
        Nd4j.getRandom().setSeed(42);
        INDArray crossEntropyOnly = stepGradient(graph, compile(new Probe(0, 0)), features, teacher, labels);
        graph.setParams(start.dup());

        double step = 1e-6;
        long[] trainable = trainable(graph);
        double[] numeric = new double[trainable.length];
        INDArray parameters = graph.params();
        for (int k = 0; k < trainable.length; k++) {
            long i = trainable[k];
            double original = parameters.getDouble(i);
            parameters.putScalar(i, original + step);
            double plus = objective(graph, loss, features, teacher, labels, stepSeed);
            parameters.putScalar(i, original - step);
            double minus = objective(graph, loss, features, teacher, labels, stepSeed);
            parameters.putScalar(i, original);
            numeric[k] = (plus - minus) / (2 * step);
        }
        // Elements far below the gradient's scale (a conv bias before batch norm has none) are compared against
        // 1e-3 of its largest element instead of their own size.
        double scale = Arrays.stream(numeric).map(Math::abs).max().orElseThrow();
        double worst = 0;
        double differenceSquares = 0;
        double numericSquares = 0;
        double termSquares = 0;
        for (int k = 0; k < trainable.length; k++) {
            double exact = engine.getDouble(trainable[k]);
            double difference = Math.abs(numeric[k] - exact);
            worst = Math.max(worst, difference / Math.max(1e-3 * scale, Math.max(Math.abs(numeric[k]),
                    Math.abs(exact))));
            differenceSquares += difference * difference;
            numericSquares += numeric[k] * numeric[k];
            double term = exact - crossEntropyOnly.getDouble(trainable[k]);
            termSquares += term * term;
        }
        double overall = Math.sqrt(differenceSquares / numericSquares);
        System.out.printf(Locale.ROOT, "brute force, %s, %d parameters: largest relative error %.3g, relative norm"
                + " of the error %.3g, input-gradient terms %.3g of the gradient's norm%n", what, trainable.length,
                worst, overall, Math.sqrt(termSquares / numericSquares));
        assertThat(Math.sqrt(termSquares / numericSquares)).as("the input-gradient terms matter").isGreaterThan(0.1);
        return Math.max(worst, overall);
    }

    /** The flattened gradient the step hands to the updater. */
    private static INDArray stepGradient(TrainableGraph graph, CompiledLoss loss, INDArray features,
            Map<String, INDArray> teacher, int[] labels) {
        INDArray[] captured = new INDArray[1];
        new StudentStep(graph, loss).run(features, teacher, labels, new TrainableGraph.UpdateHook() {
            @Override
            public void beforeUpdate(TrainableGraph network, Gradient gradient) {
                captured[0] = gradient.gradient().dup();
            }
        });
        return captured[0];
    }

    /** The objective the step differentiates, with J from DL4J back-propagation and the step's dropout masks. */
    private static double objective(TrainableGraph graph, CompiledLoss loss, INDArray features,
            Map<String, INDArray> teacher, int[] labels, long stepSeed) {
        Nd4j.getRandom().setSeed(stepSeed);
        INDArray gradient = graph.inputGradient(features, labels);
        Nd4j.getRandom().setSeed(stepSeed);
        INDArray flipped = graph.inputGradient(flip(features), labels);
        Nd4j.getRandom().setSeed(stepSeed);
        INDArray logits = graph.output(true, features)[0];
        return loss.evaluate(Map.of("logits", logits, InputGradients.INPUT_GRADIENT, gradient,
                MIRRORED, flipped), teacher, labels).loss();
    }

    private static double summedCrossEntropy(TrainableGraph graph, INDArray features, int[] labels) {
        INDArray logits = graph.output(false, features)[0];
        double total = 0;
        for (int b = 0; b < labels.length; b++) {
            double max = logits.getRow(b).maxNumber().doubleValue();
            double sum = 0;
            for (int k = 0; k < logits.size(1); k++) {
                sum += Math.exp(logits.getDouble(b, k) - max);
            }
            total += max + Math.log(sum) - logits.getDouble(b, labels[b]);
        }
        return total;
    }

    /** The width flip, as a loop over the columns. */
    static INDArray flip(INDArray images) {
        INDArray flipped = images.dup();
        long width = images.size(3);
        for (long w = 0; w < width; w++) {
            flipped.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.point(w))
                    .assign(images.get(NDArrayIndex.all(),
                            NDArrayIndex.all(), NDArrayIndex.all(),
                            NDArrayIndex.point(width - 1 - w)));
        }
        return flipped;
    }

    static CompiledLoss compile(Distiller distiller) {
        return CompiledLoss.compile(List.of(new Objective("probe", distiller, 1.0)),
                Map.of("logits", TensorShape.vector(CLASSES), "input", IMAGE), Map.of("input", IMAGE), CLASSES,
                DataType.DOUBLE);
    }

    /** [from, to) of BatchNorm's running statistics in the flattened parameters. */
    private static List<long[]> runningStatistics(TrainableGraph graph) {
        List<long[]> intervals = new ArrayList<>();
        long base = graph.params().offset();
        graph.paramTable().forEach((name, view) -> {
            if (name.endsWith("_mean") || name.endsWith("_var") || name.endsWith("_log10stdev")) {
                intervals.add(new long[] {view.offset() - base, view.offset() - base + view.length()});
            }
        });
        return intervals;
    }

    private static long[] trainable(TrainableGraph graph) {
        List<long[]> statistics = runningStatistics(graph);
        return LongStream.range(0, graph.numParams())
                .filter(i -> statistics.stream().noneMatch(interval -> i >= interval[0] && i < interval[1]))
                .toArray();
    }

    static INDArray random(long seed, long... shape) {
        Random random = new Random(seed);
        INDArray values = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < values.length(); i++) {
            values.putScalar(i, random.nextGaussian());
        }
        return values;
    }
}
