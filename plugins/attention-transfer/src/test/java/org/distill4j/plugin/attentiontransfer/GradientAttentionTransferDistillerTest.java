package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.InputGradients;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.attentiontransfer.AttentionTransferDistillerTest.maps;
import static org.distill4j.plugin.attentiontransfer.AttentionTransferDistillerTest.shape;

class GradientAttentionTransferDistillerTest {

    private static final String TAP = InputGradients.INPUT_GRADIENT;

    @Test
    void lossMatchesAHandComputedValue() {
        // J_S - J_T = (3, -4) on a 1x1x2 image: norm 5, square 25.
        double[][][][] student = {{{{3, 0}}}};
        double[][][][] teacher = {{{{0, 4}}}};

        assertThat(value(2, GradientDistance.PAPER, student, teacher)).isCloseTo(5, within(1e-9));
        assertThat(value(2, GradientDistance.SQUARED, student, teacher)).isCloseTo(25, within(1e-9));
        assertThat(value(0.5, GradientDistance.PAPER, student, teacher)).isCloseTo(1.25, within(1e-9));
    }

    @Test
    void bothDistancesMatchTheLoopReferenceAndTheirGradientsFiniteDifferences() {
        double[][][][] student = AttentionReference.random(31, 3, 2, 3, 4);
        double[][][][] teacher = AttentionReference.random(32, 3, 2, 3, 4);
        for (GradientDistance distance : GradientDistance.values()) {
            double expected = GradientReference.meanDistance(student, teacher, 0.7, distance);

            assertThat(value(0.7, distance, student, teacher)).as("%s", distance).isCloseTo(expected, within(1e-9));
            assertThat(check(0.7, distance, student, teacher).maxRelativeGradientError(maps(TAP, student),
                    maps(TAP, teacher), new int[3], 1e-6, 1e-9)).as("%s", distance).isLessThan(1e-3);
        }
    }

    @Test
    void equalGradientsGiveZeroLossAndAFiniteGradient() {
        double[][][][] same = AttentionReference.random(33, 2, 1, 2, 2);

        var value = check(1, GradientDistance.PAPER, same, same).evaluate(maps(TAP, same), maps(TAP, same), new int[2]);

        assertThat(value.loss()).isCloseTo(0, within(1e-6));
        assertThat(value.gradients().get(TAP).isInfinite().any()).isFalse();
        assertThat(value.gradients().get(TAP).isNaN().any()).isFalse();
    }

    private static double value(double beta, GradientDistance distance, double[][][][] student,
            double[][][][] teacher) {
        return check(beta, distance, student, teacher).evaluate(maps(TAP, student), maps(TAP, teacher),
                new int[student.length]).loss();
    }

    private static LossChecks check(double beta, GradientDistance distance, double[][][][] student,
            double[][][][] teacher) {
        return LossChecks.of(new GradientAttentionTransferDistiller(new GradientAttentionTransferParams(beta, distance)),
                Map.of(TAP, shape(student)), Map.of(TAP, shape(teacher)), 2);
    }
}
