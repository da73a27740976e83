package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.InputGradients;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.attentiontransfer.AttentionTransferDistillerTest.shape;

class FlipInvarianceDistillerTest {

    @Test
    void lossMatchesAHandComputedValue() {
        // flip(J) = (2, 1); J(flip x) - flip(J) = (3 - 2, 5 - 1) = (1, 4): norm sqrt(17), square 17.
        double[][][][] gradient = {{{{1, 2}}}};
        double[][][][] flipped = {{{{3, 5}}}};

        assertThat(value(2, GradientDistance.PAPER, gradient, flipped)).isCloseTo(Math.sqrt(17), within(1e-9));
        assertThat(value(2, GradientDistance.SQUARED, gradient, flipped)).isCloseTo(17, within(1e-9));
    }

    @Test
    void aMirrorSymmetricGradientCostsNothing() {
        double[][][][] gradient = AttentionReference.random(41, 2, 3, 2, 5);

        assertThat(value(1, GradientDistance.PAPER, gradient, GradientReference.flip(gradient)))
                .isCloseTo(0, within(1e-6));
    }

    @Test
    void bothDistancesMatchTheLoopReferenceAndTheirGradientsFiniteDifferences() {
        double[][][][] gradient = AttentionReference.random(42, 3, 2, 3, 4);
        double[][][][] flipped = AttentionReference.random(43, 3, 2, 3, 4);
        for (GradientDistance distance : GradientDistance.values()) {
            double expected = GradientReference.meanDistance(flipped, GradientReference.flip(gradient), 0.3, distance);

            assertThat(value(0.3, distance, gradient, flipped)).as("%s", distance).isCloseTo(expected, within(1e-9));
            assertThat(check(0.3, distance, gradient).maxRelativeGradientError(taps(gradient, flipped), Map.of(),
                    new int[3], 1e-6, 1e-9)).as("%s", distance).isLessThan(1e-3);
        }
    }

    private static double value(double beta, GradientDistance distance, double[][][][] gradient,
            double[][][][] flipped) {
        return check(beta, distance, gradient).evaluate(taps(gradient, flipped), Map.of(), new int[gradient.length])
                .loss();
    }

    private static Map<String, INDArray> taps(double[][][][] gradient, double[][][][] flipped) {
        return Map.of(InputGradients.INPUT_GRADIENT, AttentionReference.array(gradient),
                FlipInvarianceDistiller.FLIPPED_INPUT_GRADIENT, AttentionReference.array(flipped));
    }

    private static LossChecks check(double beta, GradientDistance distance, double[][][][] gradient) {
        return LossChecks.of(new FlipInvarianceDistiller(new FlipInvarianceParams(beta, distance)),
                Map.of(InputGradients.INPUT_GRADIENT, shape(gradient), FlipInvarianceDistiller.FLIPPED_INPUT_GRADIENT,
                        shape(gradient)), Map.of(), 2);
    }
}
