package org.distill4j.plugin.attentiontransfer;

import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.attentiontransfer.AttentionTransferDistillerTest.maps;
import static org.distill4j.plugin.attentiontransfer.AttentionTransferDistillerTest.shape;

class ActivationTransferDistillerTest {

    private static final AttentionTransferPair PAIR = new AttentionTransferPair("s.group1", "t.group1");

    @Test
    void lossMatchesAHandComputedValue() {
        // Student [3, 4] -> [0.6, 0.8]; teacher [4, 3] -> [0.8, 0.6]; mean squared difference 0.04.
        double[][][][] student = {{{{3}}, {{4}}}};
        double[][][][] teacher = {{{{4}}, {{3}}}};

        assertThat(value(AttentionTransferMode.CODE, student, teacher)).isCloseTo(1000 * 0.04, within(1e-8));
        // Paper: 1000/2 * |(-0.2, 0.2)|_2 / (B CHW) = 500 * sqrt(0.08) / 2.
        assertThat(value(AttentionTransferMode.PAPER, student, teacher)).isCloseTo(500 * Math.sqrt(0.08) / 2,
                within(1e-8));
    }

    @Test
    void bothModesMatchTheLoopReferenceAndTheirGradientsFiniteDifferences() {
        double[][][][] student = AttentionReference.random(21, 2, 2, 4, 4);
        double[][][][] teacher = AttentionReference.random(22, 2, 2, 2, 2);
        double[][][][] pooled = AttentionReference.pool(student, 2);
        for (AttentionTransferMode mode : AttentionTransferMode.values()) {
            double[][] studentVectors = new double[2][];
            double[][] teacherVectors = new double[2][];
            for (int b = 0; b < 2; b++) {
                studentVectors[b] = AttentionReference.activation(pooled[b]);
                teacherVectors[b] = AttentionReference.activation(teacher[b]);
            }
            double expected = 1000 * (mode == AttentionTransferMode.CODE
                    ? AttentionReference.codeDistance(studentVectors, teacherVectors)
                    : AttentionReference.paperDistance(studentVectors, teacherVectors));

            assertThat(value(mode, student, teacher)).as("%s", mode).isCloseTo(expected, within(1e-8));
            assertThat(check(mode, student, teacher).maxRelativeGradientError(maps("s.group1", student),
                    maps("t.group1", teacher), new int[2], 1e-6, 1e-9)).as("%s", mode).isLessThan(1e-3);
        }
    }

    @Test
    void differentChannelCountsAreRejectedNamingThePairAndBothCounts() {
        double[][][][] student = AttentionReference.random(23, 1, 2, 2, 2);
        double[][][][] teacher = AttentionReference.random(24, 1, 3, 2, 2);

        assertThatThrownBy(() -> check(AttentionTransferMode.CODE, student, teacher))
                .hasMessageContaining("pair s.group1 <- t.group1: activation transfer compares whole activations, so"
                        + " the channels must match, got 2 (student) and 3 (teacher)");
    }

    private static double value(AttentionTransferMode mode, double[][][][] student, double[][][][] teacher) {
        return check(mode, student, teacher).evaluate(maps("s.group1", student), maps("t.group1", teacher),
                new int[student.length]).loss();
    }

    private static LossChecks check(AttentionTransferMode mode, double[][][][] student, double[][][][] teacher) {
        return LossChecks.of(new ActivationTransferDistiller(new ActivationTransferParams(List.of(PAIR), 1000, mode)),
                Map.of("s.group1", shape(student)), Map.of("t.group1", shape(teacher)), 2);
    }
}
