package org.distill4j.plugin.probabilistictransfer;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.probabilistictransfer.ProbabilisticTransferReference.array;
import static org.distill4j.plugin.probabilistictransfer.ProbabilisticTransferReference.flatten;
import static org.distill4j.plugin.probabilistictransfer.ProbabilisticTransferReference.randomMaps;
import static org.distill4j.plugin.probabilistictransfer.ProbabilisticTransferReference.randomVectors;

class ProbabilisticTransferDistillerTest {

    @Test
    void lossMatchesAHandComputedValue() {
        // Student: orthogonal samples, K = [[1, 1/2], [1/2, 1]], Q rows [2/3, 1/3] and [1/3, 2/3].
        // Teacher: parallel samples, K all 1, P rows [1/2, 1/2]. Each row's KL is 1/2 log(3/4) + 1/2 log(3/2)
        // = 1/2 log(9/8); the mean over the 4 entries is (2 rows * 1/2 log(9/8)) / 4 = log(9/8) / 4.
        double[][] student = {{1, 0}, {0, 1}};
        double[][] teacher = {{1, -1}, {2, -2}};
        LossValue value = vectorCheck(30000, 2, 2).evaluate(Map.of("pool", array(student)),
                Map.of("pool", array(teacher)), new int[2]);

        assertThat(value.terms()).containsOnlyKeys("divergence");
        // eps = 1e-7 moves the value by about 1e-7.
        assertThat(value.terms().get("divergence")).isCloseTo(Math.log(9.0 / 8) / 4, within(1e-6));
        assertThat(value.loss()).isCloseTo(30000 * value.terms().get("divergence"), within(1e-9));
    }

    @Test
    void vectorsOfDifferentWidthsMatchTheLoopReference() {
        double[][] student = randomVectors(1, 7, 5);
        double[][] teacher = randomVectors(2, 7, 12);

        double loss = vectorCheck(2.5, 5, 12).evaluate(Map.of("pool", array(student)), Map.of("pool", array(teacher)),
                new int[7]).loss();

        assertThat(loss).isCloseTo(2.5 * ProbabilisticTransferReference.loss(student, teacher), within(1e-12));
    }

    @Test
    void featureMapsAreFlattenedPerSample() {
        double[][][][] student = randomMaps(3, 4, 2, 3, 3);
        double[][][][] teacher = randomMaps(4, 4, 5, 2, 2);
        LossChecks check = LossChecks.of(distiller("s.map", "t.map", 1), Map.of("s.map", TensorShape.map(2, 3, 3)),
                Map.of("t.map", TensorShape.map(5, 2, 2)), 3);

        double loss = check.evaluate(Map.of("s.map", array(student)), Map.of("t.map", array(teacher)), new int[4])
                .loss();

        assertThat(loss).isCloseTo(ProbabilisticTransferReference.loss(flatten(student), flatten(teacher)),
                within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[][] student = randomVectors(5, 6, 4);
        double[][] teacher = randomVectors(6, 6, 9);

        double error = vectorCheck(1, 4, 9).maxRelativeGradientError(Map.of("pool", array(student)),
                Map.of("pool", array(teacher)), new int[6], 1e-6, 1e-11);

        assertThat(error).isLessThan(1e-5);
    }

    @Test
    void identicalFeaturesGiveZeroLossAndAGradientOfTheOrderOfEpsilon() {
        // At Q = P the gradient of sum P log((P + eps)/(Q + eps)) with respect to Q is -P/(P + eps) = -1 + eps/(P + eps):
        // the -1 is cancelled by the row normalisation, the authors' eps leaves a remainder of order eps B.
        double[][] features = randomVectors(7, 5, 6);
        LossValue value = vectorCheck(1, 6, 6).evaluate(Map.of("pool", array(features)),
                Map.of("pool", array(features)), new int[5]);

        assertThat(value.loss()).isCloseTo(0, within(1e-15));
        assertThat(value.gradients().get("pool").amaxNumber().doubleValue()).isLessThan(1e-7);
    }

    @Test
    void aOneSampleBatchGivesZeroAndAnAllZeroSampleStaysFinite() {
        // One sample: both P are [[1]]. A zero sample is the zero unit vector (x / (0 + eps)): every cosine with it
        // is 0, its kernel entries 1/2, and its gradient finite (the squared norm is clamped before the root).
        LossChecks check = vectorCheck(1, 3, 2);
        LossValue single = check.evaluate(Map.of("pool", array(new double[][] {{1, 2, 3}})),
                Map.of("pool", array(new double[][] {{-1, 4}})), new int[1]);
        double[][] student = {{0, 0, 0}, {1, 2, 3}, {0.5, -1, 2}};
        double[][] teacher = {{1, 1}, {2, -1}, {0.3, 0.4}};
        LossValue zero = check.evaluate(Map.of("pool", array(student)), Map.of("pool", array(teacher)), new int[3]);

        assertThat(single.loss()).isCloseTo(0, within(1e-12));
        assertThat(zero.loss()).isCloseTo(ProbabilisticTransferReference.loss(student, teacher), within(1e-12));
        assertThat(zero.gradients().get("pool").isNaN().any()).isFalse();
        assertThat(zero.gradients().get("pool").isInfinite().any()).isFalse();
    }

    @Test
    void anyTwoShapesAreAcceptedSinceOnlyBatchMatricesAreCompared() {
        ProbabilisticTransferDistiller distiller = distiller("s.map", "t.pool", 1);

        assertThat(distiller.shapeProblems(Map.of("s.map", TensorShape.map(16, 7, 7)),
                Map.of("t.pool", TensorShape.vector(64)))).isEmpty();
        assertThat(distiller.studentTaps()).containsExactly("s.map");
        assertThat(distiller.teacherTaps()).containsExactly("t.pool");
    }

    private static ProbabilisticTransferDistiller distiller(String student, String teacher, double beta) {
        return new ProbabilisticTransferDistiller(new ProbabilisticTransferParams(student, teacher, beta));
    }

    private static LossChecks vectorCheck(double beta, int studentUnits, int teacherUnits) {
        return LossChecks.of(distiller("pool", "pool", beta), Map.of("pool", TensorShape.vector(studentUnits)),
                Map.of("pool", TensorShape.vector(teacherUnits)), 3);
    }
}
