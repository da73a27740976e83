package org.distill4j.plugin.similaritypreserving;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.similaritypreserving.SimilarityPreservingReference.array;
import static org.distill4j.plugin.similaritypreserving.SimilarityPreservingReference.flatten;
import static org.distill4j.plugin.similaritypreserving.SimilarityPreservingReference.randomMaps;
import static org.distill4j.plugin.similaritypreserving.SimilarityPreservingReference.randomVectors;

class SimilarityPreservingDistillerTest {

    private static final SimilarityPreservingPair MAPS = new SimilarityPreservingPair("s.group3", "t.group3");
    private static final SimilarityPreservingPair VECTORS = new SimilarityPreservingPair("s.pool", "t.pool");

    @Test
    void lossMatchesAHandComputedValue() {
        // Student s1 = [1, 0], s2 = [1, 1]: G = [[1, 1], [1, 2]], rows normalised [1, 1]/sqrt2 and [1, 2]/sqrt5.
        // Teacher t1 = [1], t2 = [2]: G = [[1, 2], [2, 4]], both rows [1, 2]/sqrt5. Only the first rows differ.
        double[][] student = {{1, 0}, {1, 1}};
        double[][] teacher = {{1}, {2}};
        LossValue value = vectorCheck(3000, 2, 1).evaluate(Map.of("s.pool", array(student)),
                Map.of("t.pool", array(teacher)), new int[] {0, 1});

        double first = 1 / Math.sqrt(2) - 1 / Math.sqrt(5);
        double second = 1 / Math.sqrt(2) - 2 / Math.sqrt(5);
        double similarity = (first * first + second * second) / 4;
        assertThat(value.terms()).containsOnlyKeys("similarity");
        assertThat(value.terms().get("similarity")).isCloseTo(similarity, within(1e-12));
        assertThat(value.loss()).isCloseTo(3000 * similarity, within(1e-9));
    }

    @Test
    void twoPairsOfDifferentShapesMatchTheLoopReference() {
        double[][][][] studentMaps = randomMaps(1, 5, 3, 4, 4);
        double[][][][] teacherMaps = randomMaps(2, 5, 6, 2, 2);
        double[][] studentVectors = randomVectors(3, 5, 7);
        double[][] teacherVectors = randomVectors(4, 5, 11);
        LossChecks check = twoPairCheck(2.5, studentMaps, teacherMaps, 7, 11);

        double loss = check.evaluate(Map.of("s.group3", array(studentMaps), "s.pool", array(studentVectors)),
                Map.of("t.group3", array(teacherMaps), "t.pool", array(teacherVectors)), new int[5]).loss();

        double expected = 2.5 * (SimilarityPreservingReference.loss(flatten(studentMaps), flatten(teacherMaps))
                + SimilarityPreservingReference.loss(studentVectors, teacherVectors));
        assertThat(loss).isCloseTo(expected, within(1e-10));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[][][][] studentMaps = randomMaps(5, 4, 2, 3, 3);
        double[][][][] teacherMaps = randomMaps(6, 4, 3, 3, 3);
        double[][] studentVectors = randomVectors(7, 4, 5);
        double[][] teacherVectors = randomVectors(8, 4, 3);
        LossChecks check = twoPairCheck(1, studentMaps, teacherMaps, 5, 3);

        double error = check.maxRelativeGradientError(
                Map.of("s.group3", array(studentMaps), "s.pool", array(studentVectors)),
                Map.of("t.group3", array(teacherMaps), "t.pool", array(teacherVectors)), new int[4], 1e-6, 1e-10);

        assertThat(error).isLessThan(1e-5);
    }

    @Test
    void identicalActivationsGiveZeroLossAndZeroGradient() {
        double[][][][] maps = randomMaps(9, 4, 2, 3, 3);
        LossChecks check = LossChecks.of(distiller(3000, MAPS), Map.of("s.group3", shape(maps)),
                Map.of("t.group3", shape(maps)), 2);

        LossValue value = check.evaluate(Map.of("s.group3", array(maps)), Map.of("t.group3", array(maps)), new int[4]);

        assertThat(value.loss()).isCloseTo(0, within(1e-12));
        assertThat(value.gradients().get("s.group3").amaxNumber().doubleValue()).isLessThan(1e-12);
    }

    @Test
    void scalingAnActivationLeavesTheLossUnchanged() {
        // G(cQ) = c^2 G(Q) and the row normalisation removes c^2: SP compares similarities, not magnitudes.
        double[][] student = randomVectors(10, 6, 4);
        double[][] teacher = randomVectors(11, 6, 9);
        double[][] scaled = new double[6][4];
        for (int b = 0; b < 6; b++) {
            for (int u = 0; u < 4; u++) {
                scaled[b][u] = 42 * student[b][u];
            }
        }
        LossChecks check = vectorCheck(3000, 4, 9);

        double original = check.evaluate(Map.of("s.pool", array(student)), Map.of("t.pool", array(teacher)),
                new int[6]).loss();
        double larger = check.evaluate(Map.of("s.pool", array(scaled)), Map.of("t.pool", array(teacher)),
                new int[6]).loss();

        assertThat(larger).isCloseTo(original, within(1e-9));
    }

    @Test
    void aOneSampleBatchAndAnAllZeroSampleStayFinite() {
        // One sample: both G are [[1]]. A zero activation: its row and column of G are zero, not NaN (the norm floor).
        LossChecks check = vectorCheck(3000, 3, 2);
        LossValue single = check.evaluate(Map.of("s.pool", array(new double[][] {{1, 2, 3}})),
                Map.of("t.pool", array(new double[][] {{-1, 4}})), new int[] {0});
        double[][] student = {{0, 0, 0}, {1, 2, 3}, {0.5, -1, 2}};
        double[][] teacher = {{1, 1}, {2, -1}, {0.3, 0.4}};
        LossValue zero = check.evaluate(Map.of("s.pool", array(student)), Map.of("t.pool", array(teacher)),
                new int[3]);

        assertThat(single.loss()).isCloseTo(0, within(1e-12));
        assertThat(zero.loss()).isCloseTo(3000 * SimilarityPreservingReference.loss(student, teacher), within(1e-8));
        assertThat(zero.gradients().get("s.pool").isNaN().any()).isFalse();
    }

    @Test
    void anyTwoShapesPairUpSinceOnlyBatchMatricesAreCompared() {
        SimilarityPreservingDistiller distiller = new SimilarityPreservingDistiller(new SimilarityPreservingParams(
                List.of(MAPS, new SimilarityPreservingPair("s.group3", "t.pool")), 3000));
        Map<String, TensorShape> student = Map.of("s.group3", TensorShape.map(16, 8, 8));
        Map<String, TensorShape> teacher = Map.of("t.group3", TensorShape.map(64, 3, 5), "t.pool",
                TensorShape.vector(10));

        assertThat(distiller.shapeProblems(student, teacher)).isEmpty();
    }

    static SimilarityPreservingDistiller distiller(double gamma, SimilarityPreservingPair... pairs) {
        return new SimilarityPreservingDistiller(new SimilarityPreservingParams(List.of(pairs), gamma));
    }

    private static LossChecks vectorCheck(double gamma, int studentUnits, int teacherUnits) {
        return LossChecks.of(distiller(gamma, VECTORS), Map.of("s.pool", TensorShape.vector(studentUnits)),
                Map.of("t.pool", TensorShape.vector(teacherUnits)), 2);
    }

    private static LossChecks twoPairCheck(double gamma, double[][][][] studentMaps, double[][][][] teacherMaps,
            int studentUnits, int teacherUnits) {
        return LossChecks.of(distiller(gamma, MAPS, VECTORS),
                Map.of("s.group3", shape(studentMaps), "s.pool", TensorShape.vector(studentUnits)),
                Map.of("t.group3", shape(teacherMaps), "t.pool", TensorShape.vector(teacherUnits)), 2);
    }

    private static TensorShape shape(double[][][][] maps) {
        return TensorShape.map(maps[0].length, maps[0][0].length, maps[0][0][0].length);
    }
}
