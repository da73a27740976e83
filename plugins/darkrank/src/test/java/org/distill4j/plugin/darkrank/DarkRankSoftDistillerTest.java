package org.distill4j.plugin.darkrank;

import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.LABELS;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.STUDENT;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.TEACHER;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.embeddings;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.shapes;

class DarkRankSoftDistillerTest {

    @Test
    void lossMatchesABruteForceKlOverEveryOrder() {
        for (int length : new int[] {3, 4}) {
            LossValue value = check(3, 3, length).evaluate(embeddings(STUDENT), embeddings(TEACHER), LABELS);

            double expected = DarkRankReference.soft(STUDENT, TEACHER, 3, 3, length);
            assertThat(expected).isPositive();
            assertThat(value.loss()).as("list-length %d", length).isCloseTo(expected, within(1e-10));
            assertThat(value.terms()).containsOnlyKeys("listnet");
            assertThat(value.terms().get("listnet")).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void otherAlphaAndBetaMatchTheReference() {
        LossValue value = check(12.25, 4, 4).evaluate(embeddings(STUDENT), embeddings(TEACHER), LABELS);

        assertThat(value.loss()).isCloseTo(DarkRankReference.soft(STUDENT, TEACHER, 12.25, 4, 4), within(1e-9));
    }

    @Test
    void identicalEmbeddingsGiveZeroLossAndZeroGradient() {
        LossChecks check = LossChecks.of(new DarkRankSoftDistiller(new DarkRankSoftParams()), shapes(TEACHER),
                shapes(TEACHER), 3);
        LossValue value = check.evaluate(embeddings(TEACHER), embeddings(TEACHER), LABELS);

        assertThat(value.loss()).isCloseTo(0, within(1e-12));
        assertThat(value.gradients().get("embedding").amaxNumber().doubleValue()).isLessThan(1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double error = check(3, 3, 4)
                .maxRelativeGradientError(embeddings(STUDENT), embeddings(TEACHER), LABELS, 1e-6, 1e-9);

        assertThat(error).isLessThan(1e-6);
    }

    @Test
    void aBatchShorterThanTheListComparesTheCandidatesThereAre() {
        // The trainer's last batch: 3 samples, so 2 candidates per query, with a list of 4. The two missing positions
        // come last for both networks and add nothing: the loss is ListNet over the 2 real candidates.
        double[][] student = {STUDENT[0], STUDENT[1], STUDENT[2]};
        double[][] teacher = {TEACHER[0], TEACHER[1], TEACHER[2]};
        LossChecks check = check(3, 3, 4);
        LossValue value = check.evaluate(embeddings(student), embeddings(teacher), new int[] {0, 1, 2});

        double expected = DarkRankReference.soft(student, teacher, 3, 3, 4);
        assertThat(expected).isPositive();
        assertThat(value.loss()).isCloseTo(expected, within(1e-10));
        assertThat(value.gradients().get("embedding").isNaN().any()).isFalse();
        assertThat(check.maxRelativeGradientError(embeddings(student), embeddings(teacher), new int[] {0, 1, 2}, 1e-6,
                1e-9)).isLessThan(1e-6);
    }

    @Test
    void aBatchOfOneHasNothingToRank() {
        LossValue value = check(3, 3, 4).evaluate(embeddings(new double[][] {STUDENT[0]}),
                embeddings(new double[][] {TEACHER[0]}), new int[] {0});

        assertThat(value.loss()).isCloseTo(0, within(1e-12));
        assertThat(value.gradients().get("embedding").isNaN().any()).isFalse();
    }

    static LossChecks check(double alpha, double beta, int listLength) {
        return LossChecks.of(new DarkRankSoftDistiller(new DarkRankSoftParams(alpha, beta, listLength, "embedding")),
                shapes(STUDENT), shapes(TEACHER), 3);
    }
}
