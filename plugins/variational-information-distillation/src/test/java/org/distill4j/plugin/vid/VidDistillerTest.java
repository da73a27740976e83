package org.distill4j.plugin.vid;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VidDistillerTest {

    private static final int[] LABELS = {0, 1};
    // Pair 1 pools the student (3x4x4 to 2x2), pair 2 the teacher (3x4x4 to 2x2); channels differ both ways.
    private static final List<VidPair> PAIRS = List.of(new VidPair("a", "x"), new VidPair("b", "y"));
    private static final Map<String, TensorShape> STUDENT = Map.of("a", TensorShape.map(3, 4, 4),
            "b", TensorShape.map(2, 2, 2));
    private static final Map<String, TensorShape> TEACHER = Map.of("x", TensorShape.map(2, 2, 2),
            "y", TensorShape.map(3, 4, 4));
    private static final double[][][][] A = VidReference.random(1, 2, 3, 4, 4);
    private static final double[][][][] B = VidReference.random(2, 2, 2, 2, 2);
    private static final double[][][][] X = VidReference.random(3, 2, 2, 2, 2);
    private static final double[][][][] Y = VidReference.random(4, 2, 3, 4, 4);

    @Test
    void twoPairsMatchTheLoopReferenceWithSetParameters() {
        for (Integer mid : new Integer[] {null, 5}) {
            VidParams params = new VidParams(PAIRS, 2.5, mid, 5.0, 1e-3);
            LossChecks checks = LossChecks.of(new VidDistiller(params), STUDENT, TEACHER, 2);
            double expected = 0;
            int[][] channels = {{3, 2}, {2, 3}};
            double[][][][][] students = {A, B};
            double[][][][][] teachers = {X, Y};
            for (int pair = 1; pair <= 2; pair++) {
                int in = channels[pair - 1][0];
                int out = channels[pair - 1][1];
                int hidden = mid == null ? out : mid;
                double[][] first = VidReference.random(10L * pair + 1, in, hidden);
                double[][] second = VidReference.random(10L * pair + 2, hidden, hidden);
                double[][] third = VidReference.random(10L * pair + 3, hidden, out);
                double[] logScale = VidReference.uniform(10L * pair + 4, out, -1.5, 1.5);
                checks.setParameter(VidRegressor.weightName(pair, 1), VidReference.array(first));
                checks.setParameter(VidRegressor.weightName(pair, 2), VidReference.array(second));
                checks.setParameter(VidRegressor.weightName(pair, 3), VidReference.array(third));
                checks.setParameter(VidVariance.logScaleName(pair), Nd4j.createFromArray(logScale));
                expected += VidReference.pairLoss(students[pair - 1], teachers[pair - 1], first, second, third,
                        logScale, 1e-3);
            }

            double loss = checks.evaluate(student(), teacher(), LABELS).loss();

            assertThat(loss).as("mid-channels %s", mid).isCloseTo(2.5 * expected, within(1e-10));
        }
    }

    @Test
    void aHandComputedValue() {
        // One channel, 1x2 maps with equal positions, one sample: s = 2, weights 1, 1, 0.5 give mu = relu(relu(2)) * 0.5 = 1; t = 3,
        // log-scale 0 gives var = log 2 + eps. L = 1/2 (log var + (3 - 1)^2 / var).
        VidParams params = new VidParams(List.of(new VidPair("s", "t")), 1, null, 5.0, 1e-5);
        LossChecks checks = LossChecks.of(new VidDistiller(params), Map.of("s", TensorShape.map(1, 1, 2)),
                Map.of("t", TensorShape.map(1, 1, 2)), 2);
        checks.setParameter("pair1.conv1", Nd4j.createFromArray(new double[][] {{1}}));
        checks.setParameter("pair1.conv2", Nd4j.createFromArray(new double[][] {{1}}));
        checks.setParameter("pair1.conv3", Nd4j.createFromArray(new double[][] {{0.5}}));
        checks.setParameter("pair1.log-scale", Nd4j.createFromArray(0.0));
        double variance = Math.log(2) + 1e-5;

        double loss = checks.evaluate(Map.of("s", Nd4j.createFromArray(new double[][][][] {{{{2, 2}}}})),
                Map.of("t", Nd4j.createFromArray(new double[][][][] {{{{3, 3}}}})), new int[] {0}).loss();

        assertThat(loss).isCloseTo(0.5 * (Math.log(variance) + 4 / variance), within(1e-12));
    }

    @Test
    void gradientsForTheTapsTheRegressorsAndTheLogScalesMatchFiniteDifferences() {
        for (Integer mid : new Integer[] {null, 3}) {
            LossChecks checks = LossChecks.of(new VidDistiller(new VidParams(PAIRS, 1.5, mid, 5.0, 1e-5)), STUDENT,
                    TEACHER, 2);
            // Log-scales off their common start, so each channel's gradient is checked at its own point: 0 (the
            // switch of the overflow-free softplus), 120 (where a plain log(1 + exp) would overflow in float) and
            // variances near 1, which keep the regressor's gradients well above rounding.
            checks.setParameter("pair1.log-scale", Nd4j.createFromArray(0.0, -0.4));
            checks.setParameter("pair2.log-scale", Nd4j.createFromArray(0.5, 120.0, -0.3));

            assertThat(checks.parameters()).containsOnlyKeys("pair1.conv1", "pair1.conv2", "pair1.conv3",
                    "pair1.log-scale", "pair2.conv1", "pair2.conv2", "pair2.conv3", "pair2.log-scale");
            assertThat(checks.maxRelativeGradientError(student(), teacher(), LABELS, 1e-6, 1e-9))
                    .as("mid-channels %s", mid).isLessThan(1e-3);
        }
    }

    @Test
    void everyVarianceStartsAtTheInitialVarianceAndZeroMapsGiveHalfItsLog() {
        for (double[] setting : new double[][] {{5.0, 1e-5}, {0.5, 0.1}, {800, 0}}) {
            VidParams params = new VidParams(PAIRS, 1, null, setting[0], setting[1]);
            LossChecks checks = LossChecks.of(new VidDistiller(params), STUDENT, TEACHER, 2);

            for (String logScale : List.of("pair1.log-scale", "pair2.log-scale")) {
                INDArray values = checks.parameters().get(logScale);
                for (long c = 0; c < values.length(); c++) {
                    double variance = VidReference.softplus(values.getDouble(c)) + setting[1];
                    assertThat(variance).as("%s at %s", logScale, setting[0])
                            .isCloseTo(setting[0], within(1e-9 * setting[0]));
                }
            }
            // Zero maps make every mean 0 and every residual 0, whatever the regressor's draws: L = 2 pairs x 1/2 log v.
            Map<String, INDArray> zeroStudent = Map.of("a", Nd4j.zeros(DataType.DOUBLE, 2, 3, 4, 4),
                    "b", Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 2));
            Map<String, INDArray> zeroTeacher = Map.of("x", Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 2),
                    "y", Nd4j.zeros(DataType.DOUBLE, 2, 3, 4, 4));
            assertThat(checks.evaluate(zeroStudent, zeroTeacher, LABELS).loss()).as("at %s", setting[0])
                    .isCloseTo(Math.log(setting[0]), within(1e-9));
        }
        assertThat(VidVariance.initialLogScale(5.0, 1e-5)).isCloseTo(Math.log(Math.exp(5.0 - 1e-5) - 1),
                within(1e-12));
    }

    @Test
    void theRegressorsAreBiasFreeOneByOneConvolutionsWithPyTorchsDefaultSpread() {
        Map<String, INDArray> defaults = LossChecks.of(new VidDistiller(new VidParams(PAIRS)), STUDENT, TEACHER, 2)
                .parameters();
        Map<String, INDArray> wide = LossChecks.of(new VidDistiller(new VidParams(PAIRS, 1, 64, 5.0, 1e-5)), STUDENT,
                TEACHER, 2).parameters();

        // The hidden width is the teacher's channels unless mid-channels is given.
        assertThat(defaults.get("pair1.conv1").shape()).containsExactly(3, 2);
        assertThat(defaults.get("pair1.conv2").shape()).containsExactly(2, 2);
        assertThat(defaults.get("pair1.conv3").shape()).containsExactly(2, 2);
        assertThat(defaults.get("pair2.conv1").shape()).containsExactly(2, 3);
        assertThat(defaults.get("pair2.log-scale").shape()).containsExactly(3);
        assertThat(wide.get("pair2.conv2").shape()).containsExactly(64, 64);
        // 4096 draws of N(0, 1 / (3 * 64)): the sample standard deviation is within a few percent of 0.0722.
        INDArray square = wide.get("pair2.conv2");
        assertThat(square.stdNumber().doubleValue()).isCloseTo(Math.sqrt(1 / 192.0), within(0.004));
        assertThat(Math.abs(square.meanNumber().doubleValue())).isLessThan(0.005);
    }

    @Test
    void vectorsAndSizesThatDoNotDivideAreShapeProblemsNamingThePair() {
        VidDistiller distiller = new VidDistiller(new VidParams(List.of(new VidPair("stage3.output", "logits"),
                new VidPair("stage1.output", "stage2.output"))));
        Map<String, TensorShape> student = Map.of("stage3.output", TensorShape.map(64, 8, 8),
                "stage1.output", TensorShape.map(16, 32, 32));
        Map<String, TensorShape> teacher = Map.of("logits", TensorShape.vector(10),
                "stage2.output", TensorShape.map(32, 12, 12));

        assertThat(distiller.shapeProblems(student, teacher)).containsExactly(
                "vid pair stage3.output <- logits: the teacher vertex is a vector of 10 units, not a feature map; the"
                        + " regressor is a 1x1 convolution over C x H x W maps, so pick a block or group output, e.g."
                        + " stage1.output",
                "vid pair stage1.output <- stage2.output: the spatial sizes 32x32 (student) and 12x12 (teacher) are"
                        + " not integer multiples of each other, so the larger map cannot be average-pooled to the"
                        + " smaller; pick vertices whose sizes divide");
    }

    @Test
    void differentChannelsAndSizesThatDivideAreFineAndMissingVerticesAreLeftToTheKernel() {
        VidDistiller distiller = new VidDistiller(new VidParams(PAIRS));

        assertThat(distiller.shapeProblems(STUDENT, TEACHER)).isEmpty();
        assertThat(distiller.shapeProblems(Map.of(), TEACHER)).isEmpty();
    }

    @Test
    void defineLossRejectsWrongShapesWithTheSameMessage() {
        // A model-file teacher skips shapeProblems; the loss definition checks the same rules.
        VidDistiller distiller = new VidDistiller(new VidParams(List.of(new VidPair("s", "t"))));
        Map<String, TensorShape> student = Map.of("s", TensorShape.map(4, 6, 6));
        Map<String, TensorShape> teacher = Map.of("t", TensorShape.map(8, 4, 4));
        String problem = distiller.shapeProblems(student, teacher).get(0);

        assertThatThrownBy(() -> LossChecks.of(distiller, student, teacher, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(problem)
                .hasMessageContaining("6x6 (student) and 4x4 (teacher)");
    }

    @Test
    void tapsAreEveryPairsVertices() {
        VidDistiller distiller = new VidDistiller(new VidParams(List.of(new VidPair("stage1.output", "stage1.output"),
                new VidPair("stage2.output", "stage1.output"))));

        assertThat(distiller.studentTaps()).containsExactly("stage1.output", "stage2.output");
        assertThat(distiller.teacherTaps()).containsExactly("stage1.output");
    }

    private static Map<String, INDArray> student() {
        return Map.of("a", VidReference.array(A), "b", VidReference.array(B));
    }

    private static Map<String, INDArray> teacher() {
        return Map.of("x", VidReference.array(X), "y", VidReference.array(Y));
    }
}
