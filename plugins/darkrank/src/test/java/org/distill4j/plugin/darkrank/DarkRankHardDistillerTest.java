package org.distill4j.plugin.darkrank;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DarkRankHardDistillerTest {

    /** Six samples; the student's embeddings are 3-wide, the teacher's 4-wide (DarkRank compares only distances). */
    static final double[][] STUDENT = {
            {0.9, 0.1, -0.3}, {0.2, 1.1, 0.4}, {-0.7, 0.3, 0.8}, {0.5, -0.6, 0.2}, {-0.1, -0.9, -0.5},
            {1.2, 0.7, 0.1}};
    static final double[][] TEACHER = {
            {1.0, 0.2, -0.4, 0.1}, {0.1, 0.9, 0.6, -0.2}, {-0.8, 0.4, 0.7, 0.3}, {0.6, -0.5, 0.1, 0.4},
            {-0.2, -1.0, -0.3, 0.2}, {0.8, 0.9, 0.2, -0.1}};
    static final int[] LABELS = {0, 1, 2, 0, 1, 2};

    @Test
    void fullListLossMatchesBruteForcePlackettLuce() {
        LossValue value = check(3, 3, 0).evaluate(embeddings(STUDENT), embeddings(TEACHER), LABELS);

        double expected = DarkRankReference.hard(STUDENT, TEACHER, 3, 3, 0);
        assertThat(value.loss()).isCloseTo(expected, within(1e-10));
        assertThat(value.terms()).containsOnlyKeys("listmle");
        assertThat(value.terms().get("listmle")).isCloseTo(expected, within(1e-10));
    }

    @Test
    void truncatedListLossMatchesBruteForcePlackettLuce() {
        for (int length : new int[] {2, 3, 4}) {
            LossValue value = check(3, 3, length).evaluate(embeddings(STUDENT), embeddings(TEACHER), LABELS);

            assertThat(value.loss()).as("list-length %d", length)
                    .isCloseTo(DarkRankReference.hard(STUDENT, TEACHER, 3, 3, length), within(1e-10));
        }
    }

    @Test
    void otherAlphaAndBetaMatchTheReference() {
        // TuSimple's parametrisation approximated: alpha 12.25, beta 4, scores down to -196.
        LossValue value = check(12.25, 4, 0).evaluate(embeddings(STUDENT), embeddings(TEACHER), LABELS);

        assertThat(value.loss()).isCloseTo(DarkRankReference.hard(STUDENT, TEACHER, 12.25, 4, 0), within(1e-9));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (int length : new int[] {0, 3}) {
            double error = check(3, 3, length)
                    .maxRelativeGradientError(embeddings(STUDENT), embeddings(TEACHER), LABELS, 1e-6, 1e-9);
            assertThat(error).as("list-length %d", length).isLessThan(1e-6);
        }
    }

    @Test
    void aBatchShorterThanTheListRanksTheCandidatesThereAre() {
        // The trainer's last batch: 3 samples, 2 candidates per query, with a list of 4: the full-list value.
        double[][] student = {STUDENT[0], STUDENT[1], STUDENT[2]};
        double[][] teacher = {TEACHER[0], TEACHER[1], TEACHER[2]};
        LossChecks check = check(3, 3, 4);
        LossValue value = check.evaluate(embeddings(student), embeddings(teacher), new int[] {0, 1, 2});

        assertThat(value.loss()).isCloseTo(DarkRankReference.hard(student, teacher, 3, 3, 0), within(1e-10));
        assertThat(check.maxRelativeGradientError(embeddings(student), embeddings(teacher), new int[] {0, 1, 2}, 1e-6,
                1e-9)).isLessThan(1e-6);
    }

    @Test
    void aBatchOfOneHasNothingToRank() {
        LossValue value = check(3, 3, 0).evaluate(embeddings(new double[][] {STUDENT[0]}),
                embeddings(new double[][] {TEACHER[0]}), new int[] {0});

        assertThat(value.loss()).isCloseTo(0, within(1e-12));
        assertThat(value.gradients().get("embedding").isNaN().any()).isFalse();
    }

    static LossChecks check(double alpha, double beta, int listLength) {
        return LossChecks.of(new DarkRankHardDistiller(new DarkRankHardParams(alpha, beta, listLength, "embedding")),
                shapes(STUDENT), shapes(TEACHER), 3);
    }

    static Map<String, TensorShape> shapes(double[][] embeddings) {
        return Map.of("embedding", TensorShape.vector(embeddings[0].length));
    }

    static Map<String, INDArray> embeddings(double[][] values) {
        return Map.of("embedding", Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }
}
