package org.distill4j.plugin.neuronselectivity;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.neuronselectivity.NeuronSelectivityReference.array;
import static org.distill4j.plugin.neuronselectivity.NeuronSelectivityReference.random;

class NeuronSelectivityDistillerTest {

    private static final NeuronSelectivityPair PAIR = new NeuronSelectivityPair("s.group", "t.group");
    /** Three samples; the student has 3 channels, the teacher 5, on 2 x 3 maps. */
    private static final double[][][][] STUDENT = random(1, 3, 3, 2, 3);
    private static final double[][][][] TEACHER = random(2, 3, 5, 2, 3);

    @Test
    void lossMatchesAHandComputedValue() {
        // Student: channels [1, 0] and [0, 1] on a 1 x 2 map; teacher: one channel [2, 0], normalised to [1, 0].
        // k(s, s') = (s . s')^2: [[1, 0], [0, 1]], mean 1/2; k(t, t) = 1; k(s, t) = [1, 0], mean 1/2.
        // MMD^2 = 1 + 1/2 - 2 * 1/2 = 1/2.
        double[][][][] student = {{{{1, 0}}, {{0, 1}}}};
        double[][][][] teacher = {{{{2, 0}}}};

        LossValue code = check(params(50, 2, 0, NeuronSelectivityMode.CODE), student, teacher).evaluate(
                maps("s.group", student), maps("t.group", teacher), new int[1]);
        LossValue paper = check(params(50, 2, 0, NeuronSelectivityMode.PAPER), student, teacher).evaluate(
                maps("s.group", student), maps("t.group", teacher), new int[1]);

        // The 1e-10 of the normalisation moves the values by about 1e-11.
        assertThat(code.terms()).containsOnlyKeys("mmd");
        assertThat(code.terms().get("mmd")).isCloseTo(0.5, within(1e-9));
        assertThat(code.loss()).isCloseTo(25, within(1e-8));
        assertThat(paper.loss()).isCloseTo(12.5, within(1e-8));
    }

    @Test
    void kernelsAndModesMatchTheBruteForceReference() {
        for (int degree : new int[] {1, 2, 3}) {
            for (double constant : new double[] {0, 0.5}) {
                for (NeuronSelectivityMode mode : NeuronSelectivityMode.values()) {
                    double mmd = NeuronSelectivityReference.squaredDiscrepancy(STUDENT, TEACHER, degree, constant);
                    double factor = mode == NeuronSelectivityMode.CODE ? 50 : 25;
                    assertThat(mmd).isPositive();
                    assertThat(value(params(50, degree, constant, mode), STUDENT, TEACHER))
                            .as("d=%d c=%s %s", degree, constant, mode).isCloseTo(factor * mmd, within(1e-10));
                }
            }
        }
    }

    @Test
    void theLinearKernelComparesTheMeanPatterns() {
        // With k(x, y) = x . y the squared MMD is |mean_k s_k - mean_k t_k|^2 per sample (the paper's linear case).
        double expected = 0;
        for (int b = 0; b < STUDENT.length; b++) {
            double[][] s = NeuronSelectivityReference.patterns(STUDENT[b]);
            double[][] t = NeuronSelectivityReference.patterns(TEACHER[b]);
            for (int n = 0; n < s[0].length; n++) {
                double difference = meanColumn(s, n) - meanColumn(t, n);
                expected += difference * difference;
            }
        }
        expected /= STUDENT.length;

        assertThat(value(params(1, 1, 0, NeuronSelectivityMode.CODE), STUDENT, TEACHER))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (NeuronSelectivityMode mode : NeuronSelectivityMode.values()) {
            for (int[] kernel : new int[][] {{2, 0}, {1, 0}, {3, 1}}) {
                double error = check(params(50, kernel[0], kernel[1], mode), STUDENT, TEACHER)
                        .maxRelativeGradientError(maps("s.group", STUDENT), maps("t.group", TEACHER), new int[3],
                                1e-6, 1e-9);
                assertThat(error).as("%s d=%d c=%d", mode, kernel[0], kernel[1]).isLessThan(1e-6);
            }
        }
    }

    @Test
    void identicalMapsGiveZeroLossAndZeroGradient() {
        for (NeuronSelectivityMode mode : NeuronSelectivityMode.values()) {
            LossValue value = check(params(50, 2, 0, mode), TEACHER, TEACHER)
                    .evaluate(maps("s.group", TEACHER), maps("t.group", TEACHER), new int[3]);

            assertThat(value.loss()).as("%s", mode).isCloseTo(0, within(1e-12));
            assertThat(value.gradients().get("s.group").amaxNumber().doubleValue()).as("%s", mode)
                    .isLessThan(1e-12);
        }
    }

    @Test
    void theOrderAndTheScaleOfTheChannelsDoNotMatter() {
        // The MMD compares two sets of normalised patterns: permuting the student's channels, or scaling any one of
        // them, leaves the loss unchanged (up to the 1e-10 of the normalisation).
        double[][][][] moved = new double[STUDENT.length][][][];
        for (int b = 0; b < STUDENT.length; b++) {
            moved[b] = new double[][][] {scaled(STUDENT[b][2], 4), STUDENT[b][0], scaled(STUDENT[b][1], 0.25)};
        }
        NeuronSelectivityParams params = params(50, 2, 0, NeuronSelectivityMode.CODE);

        assertThat(value(params, moved, TEACHER)).isCloseTo(value(params, STUDENT, TEACHER), within(1e-8));
    }

    @Test
    void aDeadChannelKeepsAFiniteGradient() {
        // An all-zero channel (a dead ReLU) normalises to zero through sqrt(0 + 1e-10): no NaN, the reference value.
        double[][][][] student = random(3, 3, 3, 2, 3);
        for (double[][][] sample : student) {
            sample[1] = new double[2][3];
        }
        for (int[] kernel : new int[][] {{2, 0}, {3, 1}}) {
            NeuronSelectivityParams params = params(50, kernel[0], kernel[1], NeuronSelectivityMode.CODE);
            LossValue value = check(params, student, TEACHER).evaluate(maps("s.group", student),
                    maps("t.group", TEACHER), new int[3]);

            double expected = 50 * NeuronSelectivityReference.squaredDiscrepancy(student, TEACHER, kernel[0],
                    kernel[1]);
            assertThat(value.loss()).isCloseTo(expected, within(1e-9));
            INDArray gradient = value.gradients().get("s.group");
            assertThat(gradient.isNaN().any() || gradient.isInfinite().any()).isFalse();
        }
    }

    @Test
    void aLargerMapIsAveragePooledToTheSmallerBeforeNormalising() {
        double[][][][] student = random(4, 2, 3, 4, 6);
        double[][][][] teacher = random(5, 2, 4, 2, 3);
        NeuronSelectivityParams params = params(50, 2, 0, NeuronSelectivityMode.CODE);

        double pooledFirst = 50 * NeuronSelectivityReference.squaredDiscrepancy(
                NeuronSelectivityReference.pool(student, 2), teacher, 2, 0);
        assertThat(value(params, student, teacher)).isCloseTo(pooledFirst, within(1e-10));
        // And the other way round: the teacher's map is the larger one.
        double teacherPooled = 50 * NeuronSelectivityReference.squaredDiscrepancy(teacher,
                NeuronSelectivityReference.pool(student, 2), 2, 0);
        assertThat(value(params, teacher, student)).isCloseTo(teacherPooled, within(1e-10));
        assertThat(check(params, student, teacher).maxRelativeGradientError(maps("s.group", student),
                maps("t.group", teacher), new int[2], 1e-6, 1e-9)).isLessThan(1e-6);
    }

    @Test
    void pairsAreSummed() {
        double[][][][] second = random(6, 3, 2, 4, 4);
        double[][][][] secondTeacher = random(7, 3, 6, 4, 4);
        NeuronSelectivityParams params = new NeuronSelectivityParams(List.of(PAIR,
                new NeuronSelectivityPair("s.other", "t.other")), 10, 2, 0, NeuronSelectivityMode.PAPER);
        Map<String, TensorShape> studentShapes = Map.of("s.group", shape(STUDENT), "s.other", shape(second));
        Map<String, TensorShape> teacherShapes = Map.of("t.group", shape(TEACHER), "t.other", shape(secondTeacher));
        Map<String, INDArray> student = new HashMap<>(maps("s.group", STUDENT));
        student.put("s.other", array(second));
        Map<String, INDArray> teacher = new HashMap<>(maps("t.group", TEACHER));
        teacher.put("t.other", array(secondTeacher));

        LossValue value = LossChecks.of(new NeuronSelectivityDistiller(params), studentShapes, teacherShapes, 2)
                .evaluate(student, teacher, new int[3]);

        double mmd = NeuronSelectivityReference.squaredDiscrepancy(STUDENT, TEACHER, 2, 0)
                + NeuronSelectivityReference.squaredDiscrepancy(second, secondTeacher, 2, 0);
        assertThat(value.terms().get("mmd")).isCloseTo(mmd, within(1e-12));
        assertThat(value.loss()).isCloseTo(5 * mmd, within(1e-10));
    }

    @Test
    void sizesThatDoNotDivideAreRejectedNamingThePair() {
        double[][][][] student = random(8, 2, 2, 3, 3);
        double[][][][] teacher = random(9, 2, 2, 2, 2);

        assertThatThrownBy(() -> check(params(50, 2, 0, NeuronSelectivityMode.CODE), student, teacher))
                .hasMessageContaining("pair s.group <- t.group: the spatial sizes 3x3 (student) and 2x2 (teacher)"
                        + " are not integer multiples");
    }

    @Test
    void shapeProblemsNameThePairBeforeAnyTraining() {
        NeuronSelectivityDistiller distiller = new NeuronSelectivityDistiller(new NeuronSelectivityParams(List.of(
                PAIR, new NeuronSelectivityPair("s.other", "t.logits"), new NeuronSelectivityPair("s.other",
                        "t.group"), new NeuronSelectivityPair("s.missing", "t.group"))));
        Map<String, TensorShape> student = Map.of("s.group", TensorShape.map(16, 8, 8), "s.other",
                TensorShape.map(32, 3, 3));
        Map<String, TensorShape> teacher = Map.of("t.group", TensorShape.map(64, 4, 4), "t.logits",
                TensorShape.vector(10));

        assertThat(distiller.shapeProblems(student, teacher)).containsExactly(
                "pair s.other <- t.logits: the teacher vertex is a vector of 10 units, not a feature map; NST compares"
                        + " the spatial activation patterns of channels, so pick C x H x W activations, e.g. a block"
                        + " or group output",
                "pair s.other <- t.group: the spatial sizes 3x3 (student) and 4x4 (teacher) are not integer multiples"
                        + " of each other, so the larger map cannot be average-pooled to the smaller; pick vertices"
                        + " whose sizes divide");
    }

    @Test
    void aVectorTapIsRejectedWhenTheLossIsBuilt() {
        // A model-file teacher's shapes are known only once it is loaded; the loss then rejects them itself.
        NeuronSelectivityDistiller distiller = new NeuronSelectivityDistiller(
                params(50, 2, 0, NeuronSelectivityMode.CODE));
        assertThatThrownBy(() -> LossChecks.of(distiller, Map.of("s.group", shape(STUDENT)),
                Map.of("t.group", TensorShape.vector(10)), 2))
                .hasMessageContaining("pair s.group <- t.group: the teacher vertex is a vector of 10 units");
    }

    private static double meanColumn(double[][] rows, int column) {
        double sum = 0;
        for (double[] row : rows) {
            sum += row[column];
        }
        return sum / rows.length;
    }

    private static double[][] scaled(double[][] channel, double factor) {
        double[][] result = new double[channel.length][];
        for (int y = 0; y < channel.length; y++) {
            result[y] = new double[channel[y].length];
            for (int x = 0; x < channel[y].length; x++) {
                result[y][x] = factor * channel[y][x];
            }
        }
        return result;
    }

    private static NeuronSelectivityParams params(double beta, int degree, double constant,
            NeuronSelectivityMode mode) {
        return new NeuronSelectivityParams(List.of(PAIR), beta, degree, constant, mode);
    }

    private static double value(NeuronSelectivityParams params, double[][][][] student, double[][][][] teacher) {
        return check(params, student, teacher).evaluate(maps("s.group", student), maps("t.group", teacher),
                new int[student.length]).loss();
    }

    private static LossChecks check(NeuronSelectivityParams params, double[][][][] student, double[][][][] teacher) {
        return LossChecks.of(new NeuronSelectivityDistiller(params), Map.of("s.group", shape(student)),
                Map.of("t.group", shape(teacher)), 2);
    }

    private static TensorShape shape(double[][][][] maps) {
        return TensorShape.map(maps[0].length, maps[0][0].length, maps[0][0][0].length);
    }

    private static Map<String, INDArray> maps(String tap, double[][][][] values) {
        return Map.of(tap, array(values));
    }
}
