package org.distill4j.plugin.relationalkd;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.relationalkd.RelationalKdReference.array;
import static org.distill4j.plugin.relationalkd.RelationalKdReference.random;

class RelationalKdDistillerTest {

    /** Six samples; the student's vectors are 5 wide, the teacher's 7: only relations within a network are compared. */
    static final double[][] STUDENT = random(1, 6, 5);
    static final double[][] TEACHER = random(2, 6, 7);

    @Test
    void distanceTermMatchesAHandComputedValue() {
        // Student 0, 1, 2 on a line: distances 1, 2, 1, mean 4/3, so 0.75, 1.5, 0.75. Teacher 0, 1, 3: distances
        // 1, 3, 2, mean 2, so 0.5, 1.5, 1. Differences 0.25, 0, -0.25, each pair twice in the 3 x 3 matrix.
        double[][] student = {{0}, {1}, {2}};
        double[][] teacher = {{0}, {1}, {3}};
        double sum = 2 * (0.5 * 0.25 * 0.25) * 2;

        assertThat(loss(1, 0, RelationalKdMode.CODE, student, teacher)).isCloseTo(sum / 9, within(1e-12));
        assertThat(loss(1, 0, RelationalKdMode.PAPER, student, teacher)).isCloseTo(sum / 6, within(1e-12));
        // Both are ordered along the line, so every angle is 0 or 180 degrees in both: no angle loss.
        assertThat(loss(0, 1, RelationalKdMode.CODE, student, teacher)).isCloseTo(0, within(1e-12));
    }

    @Test
    void angleTermMatchesAHandComputedValue() {
        // Student: a right isosceles triangle, cosines 0 (at the right angle), 1/sqrt2, 1/sqrt2. Teacher: three
        // points on a line, cosines 1, -1 (the middle one), 1. Each vertex has 2 ordered triplets of distinct samples.
        double[][] student = {{0, 0}, {1, 0}, {0, 1}};
        double[][] teacher = {{0, 0}, {1, 0}, {2, 0}};
        double half = Math.sqrt(0.5);
        double sum = 2 * (0.5 + (half + 1 - 0.5) + 0.5 * (1 - half) * (1 - half));

        assertThat(loss(0, 1, RelationalKdMode.CODE, student, teacher)).isCloseTo(sum / 27, within(1e-12));
        assertThat(loss(0, 1, RelationalKdMode.PAPER, student, teacher)).isCloseTo(sum / 6, within(1e-12));
    }

    @Test
    void bothModesMatchTheBruteForceReference() {
        for (RelationalKdMode mode : RelationalKdMode.values()) {
            boolean paper = mode == RelationalKdMode.PAPER;
            LossValue value = check(25, 50, mode, STUDENT, TEACHER).evaluate(vectors(STUDENT), teacherVectors(TEACHER),
                    new int[6]);

            double distance = RelationalKdReference.distance(STUDENT, TEACHER, paper);
            double angle = RelationalKdReference.angle(STUDENT, TEACHER, paper);
            assertThat(distance).isPositive();
            assertThat(angle).isPositive();
            assertThat(value.terms()).containsOnlyKeys("distance", "angle");
            assertThat(value.terms().get("distance")).as("%s", mode).isCloseTo(distance, within(1e-12));
            assertThat(value.terms().get("angle")).as("%s", mode).isCloseTo(angle, within(1e-12));
            assertThat(value.loss()).as("%s", mode).isCloseTo(25 * distance + 50 * angle, within(1e-10));
        }
    }

    @Test
    void largeDifferencesUseTheLinearPartOfTheHuberLoss() {
        // A teacher with one far outlier: its other distances shrink far below the mean, the student's do not, so
        // several normalised differences exceed 1.
        double[][] teacher = random(3, 6, 7);
        for (int d = 0; d < 7; d++) {
            teacher[5][d] += 40;
        }
        double distance = RelationalKdReference.distance(STUDENT, teacher, false);

        assertThat(loss(1, 0, RelationalKdMode.CODE, STUDENT, teacher)).isCloseTo(distance, within(1e-12));
        assertThat(maxNormalisedGap(STUDENT, teacher)).isGreaterThan(1);
        assertThat(check(1, 2, RelationalKdMode.CODE, STUDENT, teacher)
                .maxRelativeGradientError(vectors(STUDENT), teacherVectors(teacher), new int[6], 1e-6, 1e-9))
                .isLessThan(1e-6);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (RelationalKdMode mode : RelationalKdMode.values()) {
            for (double[] weights : new double[][] {{1, 0}, {0, 1}, {25, 50}}) {
                double error = check(weights[0], weights[1], mode, STUDENT, TEACHER)
                        .maxRelativeGradientError(vectors(STUDENT), teacherVectors(TEACHER), new int[6], 1e-6, 1e-9);
                assertThat(error).as("%s weights %s, %s", mode, weights[0], weights[1]).isLessThan(1e-6);
            }
        }
    }

    @Test
    void theDiagonalPassesNoGradientAndRepeatedSamplesStayFinite() {
        // The zero-length differences of a sample with itself, and of two equal samples, are where sqrt and the
        // normalisation have no derivative; the clamps (lenscloth/RKD's 1e-12) keep the gradient finite there.
        double[][] student = {STUDENT[0], STUDENT[1], STUDENT[1], STUDENT[2]};
        double[][] teacher = {TEACHER[0], TEACHER[1], TEACHER[2], TEACHER[3]};
        for (RelationalKdMode mode : RelationalKdMode.values()) {
            LossValue value = check(1, 2, mode, student, teacher).evaluate(vectors(student), teacherVectors(teacher),
                    new int[4]);

            boolean paper = mode == RelationalKdMode.PAPER;
            double expected = RelationalKdReference.distance(student, teacher, paper)
                    + 2 * RelationalKdReference.angle(student, teacher, paper);
            assertThat(value.loss()).as("%s", mode).isCloseTo(expected, within(1e-10));
            INDArray gradient = value.gradients().get("s.features");
            assertThat(gradient.isNaN().any() || gradient.isInfinite().any()).as("%s", mode).isFalse();
        }
    }

    @Test
    void identicalStudentAndTeacherGiveZeroLossAndZeroGradient() {
        for (RelationalKdMode mode : RelationalKdMode.values()) {
            LossValue value = check(25, 50, mode, TEACHER, TEACHER).evaluate(vectors(TEACHER), teacherVectors(TEACHER),
                    new int[6]);

            assertThat(value.loss()).as("%s", mode).isCloseTo(0, within(1e-12));
            assertThat(value.gradients().get("s.features").amaxNumber().doubleValue()).as("%s", mode)
                    .isLessThan(1e-12);
        }
    }

    @Test
    void distanceLossIsInvariantToScalingAnEmbedding() {
        double original = loss(1, 0, RelationalKdMode.CODE, STUDENT, TEACHER);
        double scaled = loss(1, 0, RelationalKdMode.CODE, transformed(STUDENT, 7.5, 0), transformed(TEACHER, 0.2, 0));

        assertThat(scaled).isCloseTo(original, within(1e-12));
        // A scaled copy of the teacher has the teacher's relations: nothing to learn.
        double[][] teacherSized = random(2, 6, 7);
        assertThat(loss(1, 0, RelationalKdMode.CODE, transformed(teacherSized, 3, 0), TEACHER))
                .isCloseTo(0, within(1e-12));
    }

    @Test
    void angleLossIsInvariantToScalingAndTranslation() {
        for (RelationalKdMode mode : RelationalKdMode.values()) {
            double original = loss(0, 1, mode, STUDENT, TEACHER);
            double moved = loss(0, 1, mode, transformed(STUDENT, 4, 2.5), transformed(TEACHER, 0.3, -1));

            assertThat(moved).as("%s", mode).isCloseTo(original, within(1e-12));
            assertThat(loss(0, 1, mode, transformed(TEACHER, 3, 10), TEACHER)).as("%s", mode)
                    .isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void featureMapsAreFlattenedPerSample() {
        // A 2 x 1 x 3 map per sample: the loss equals that of the 6-wide vectors of its values in NCHW order.
        double[][][][] maps = new double[4][2][1][3];
        double[][] flat = new double[4][6];
        double[][] values = random(4, 4, 6);
        for (int b = 0; b < 4; b++) {
            for (int c = 0; c < 2; c++) {
                for (int x = 0; x < 3; x++) {
                    maps[b][c][0][x] = values[b][c * 3 + x];
                    flat[b][c * 3 + x] = values[b][c * 3 + x];
                }
            }
        }
        double[][] teacher = {TEACHER[0], TEACHER[1], TEACHER[2], TEACHER[3]};
        RelationalKdDistiller distiller = new RelationalKdDistiller(params(1, 2, RelationalKdMode.CODE));
        LossChecks check = LossChecks.of(distiller, Map.of("s.features", TensorShape.map(2, 1, 3)),
                Map.of("t.features", TensorShape.vector(7)), 3);
        LossValue value = check.evaluate(Map.of("s.features", org.nd4j.linalg.factory.Nd4j.createFromArray(maps)),
                teacherVectors(teacher), new int[4]);

        assertThat(value.loss()).isCloseTo(RelationalKdReference.distance(flat, teacher, false)
                + 2 * RelationalKdReference.angle(flat, teacher, false), within(1e-12));
        assertThat(check.maxRelativeGradientError(Map.of("s.features",
                org.nd4j.linalg.factory.Nd4j.createFromArray(maps)), teacherVectors(teacher), new int[4], 1e-6, 1e-9))
                .isLessThan(1e-6);
        assertThat(distiller.shapeProblems(Map.of("s.features", TensorShape.map(2, 1, 3)),
                Map.of("t.features", TensorShape.vector(7)))).isEmpty();
    }

    @Test
    void aWeightOfZeroLeavesItsTermOut() {
        LossValue distanceOnly = check(3, 0, RelationalKdMode.CODE, STUDENT, TEACHER)
                .evaluate(vectors(STUDENT), teacherVectors(TEACHER), new int[6]);
        LossValue angleOnly = check(0, 3, RelationalKdMode.CODE, STUDENT, TEACHER)
                .evaluate(vectors(STUDENT), teacherVectors(TEACHER), new int[6]);

        assertThat(distanceOnly.terms()).containsOnlyKeys("distance");
        assertThat(distanceOnly.loss()).isCloseTo(3 * RelationalKdReference.distance(STUDENT, TEACHER, false),
                within(1e-12));
        assertThat(angleOnly.terms()).containsOnlyKeys("angle");
        assertThat(angleOnly.loss()).isCloseTo(3 * RelationalKdReference.angle(STUDENT, TEACHER, false),
                within(1e-12));
    }

    @Test
    void batchesOfOneAndTwoSamplesHaveFiniteLosses() {
        // The trainer's last batch can hold one sample (no pair) or two (pairs, but no triplet of distinct samples).
        for (RelationalKdMode mode : RelationalKdMode.values()) {
            double[][] one = {STUDENT[0]};
            LossValue single = check(1, 2, mode, one, new double[][] {TEACHER[0]})
                    .evaluate(vectors(one), teacherVectors(new double[][] {TEACHER[0]}), new int[1]);
            assertThat(single.loss()).as("%s", mode).isCloseTo(0, within(1e-12));
            assertThat(single.gradients().get("s.features").isNaN().any()).isFalse();

            double[][] two = {STUDENT[0], STUDENT[1]};
            double[][] teacherTwo = {TEACHER[0], TEACHER[1]};
            LossValue pair = check(1, 2, mode, two, teacherTwo).evaluate(vectors(two), teacherVectors(teacherTwo),
                    new int[2]);
            // Two samples: both normalised distances are 1 and every angle is degenerate.
            assertThat(pair.loss()).as("%s", mode).isCloseTo(0, within(1e-12));
            assertThat(pair.gradients().get("s.features").isNaN().any()).isFalse();
        }
    }

    private static double maxNormalisedGap(double[][] student, double[][] teacher) {
        double[][] s = RelationalKdReference.pdist(student);
        double[][] t = RelationalKdReference.pdist(teacher);
        double studentMean = mean(s);
        double teacherMean = mean(t);
        double worst = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                worst = Math.max(worst, Math.abs(s[i][j] / studentMean - t[i][j] / teacherMean));
            }
        }
        return worst;
    }

    private static double mean(double[][] distances) {
        double sum = 0;
        for (double[] row : distances) {
            for (double value : row) {
                sum += value;
            }
        }
        return sum / (distances.length * (distances.length - 1));
    }

    static double[][] transformed(double[][] vectors, double scale, double shift) {
        double[][] result = new double[vectors.length][];
        for (int b = 0; b < vectors.length; b++) {
            result[b] = new double[vectors[b].length];
            for (int d = 0; d < vectors[b].length; d++) {
                result[b][d] = scale * vectors[b][d] + shift;
            }
        }
        return result;
    }

    static RelationalKdParams params(double distanceWeight, double angleWeight, RelationalKdMode mode) {
        return new RelationalKdParams(distanceWeight, angleWeight, "s.features", "t.features", mode);
    }

    private static double loss(double distanceWeight, double angleWeight, RelationalKdMode mode, double[][] student,
            double[][] teacher) {
        return check(distanceWeight, angleWeight, mode, student, teacher)
                .evaluate(vectors(student), teacherVectors(teacher), new int[student.length]).loss();
    }

    static LossChecks check(double distanceWeight, double angleWeight, RelationalKdMode mode, double[][] student,
            double[][] teacher) {
        return LossChecks.of(new RelationalKdDistiller(params(distanceWeight, angleWeight, mode)),
                Map.of("s.features", TensorShape.vector(student[0].length)),
                Map.of("t.features", TensorShape.vector(teacher[0].length)), 3);
    }

    static Map<String, INDArray> vectors(double[][] values) {
        return Map.of("s.features", array(values));
    }

    static Map<String, INDArray> teacherVectors(double[][] values) {
        return Map.of("t.features", array(values));
    }
}
