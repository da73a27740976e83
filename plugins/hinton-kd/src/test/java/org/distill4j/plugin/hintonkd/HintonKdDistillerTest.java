package org.distill4j.plugin.hintonkd;

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

class HintonKdDistillerTest {

    private static final Map<String, TensorShape> LOGITS = Map.of("logits", TensorShape.vector(3));

    private static final double[][] STUDENT = {{1.0, -0.5, 2.0}, {0.3, 0.1, -1.2}};
    private static final double[][] TEACHER = {{2.5, -1.0, 0.5}, {-0.4, 1.7, 0.2}};
    private static final int[] LABELS = {2, 1};

    @Test
    void lossMatchesAHandComputedValue() {
        LossValue value = check(4, 0.9, true).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        double expected = 0.1 * crossEntropy(STUDENT, LABELS) + 0.9 * 16 * kl(TEACHER, STUDENT, 4);
        assertThat(value.loss()).isCloseTo(expected, within(1e-10));
        assertThat(value.terms()).containsOnlyKeys("cross-entropy", "soft");
        assertThat(value.terms().get("soft")).isCloseTo(kl(TEACHER, STUDENT, 4), within(1e-10));
    }

    @Test
    void withoutTheTemperatureSquaredFactorTheSoftTermIsOnlyWeightedByAlpha() {
        LossValue value = check(20, 0.7, false).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        double expected = 0.3 * crossEntropy(STUDENT, LABELS) + 0.7 * kl(TEACHER, STUDENT, 20);
        assertThat(value.loss()).isCloseTo(expected, within(1e-10));
    }

    @Test
    void identicalLogitsGiveZeroSoftLossAndZeroSoftGradient() {
        LossValue value = check(4, 1.0, true).evaluate(logits(TEACHER), logits(TEACHER), LABELS);

        assertThat(value.loss()).isCloseTo(0, within(1e-12));
        assertThat(value.gradients().get("logits").amaxNumber().doubleValue()).isLessThan(1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (double temperature : new double[] {1, 4, 20}) {
            double error = check(temperature, 0.9, true)
                    .maxRelativeGradientError(logits(STUDENT), logits(TEACHER), LABELS, 1e-6, 1e-9);
            assertThat(error).as("T=%s", temperature).isLessThan(1e-6);
        }
    }

    @Test
    void doublingTemperatureWithoutTheFactorShrinksTheSoftGradientAboutFourfold() {
        // Hinton §2: at high T the soft-target gradient scales as 1/T^2; zero-mean logits make the limit apply.
        double[][] student = {{0.2, -0.1, -0.1}};
        double[][] teacher = {{-0.3, 0.4, -0.1}};
        INDArray atTwenty = check(20, 1.0, false).evaluate(logits(student), logits(teacher), new int[] {0})
                .gradients().get("logits");
        INDArray atForty = check(40, 1.0, false).evaluate(logits(student), logits(teacher), new int[] {0})
                .gradients().get("logits");

        double ratio = atTwenty.norm2Number().doubleValue() / atForty.norm2Number().doubleValue();
        assertThat(ratio).isCloseTo(4.0, within(0.05));
    }

    @Test
    void logitGapsBeyondFloatSoftmaxRangeStayFinite() {
        // ND4J's own log_softmax gives -inf here and the loss NaN (see Losses); dropout nets reach such gaps early.
        double[][] student = {{300, 0, 1}};
        double[][] teacher = {{0, 250, -40}};
        LossValue value = check(1, 0.5, true).evaluate(logits(student), logits(teacher), new int[] {1});

        // CE = -log q_s[1] = 300; the teacher puts all its mass on class 1, so KL = -log q_s[1] = 300 too.
        assertThat(value.loss()).isFinite().isCloseTo(0.5 * 300 + 0.5 * 300, within(1e-6));
        assertThat(value.gradients().get("logits").isNaN().any()).isFalse();
    }

    @Test
    void crossEntropyDistillerIsTheHardTermAlone() {
        LossChecks check = LossChecks.of(new HintonKdCrossEntropyDistiller(), LOGITS, Map.of(), 3);
        LossValue value = check.evaluate(logits(STUDENT), Map.of(), LABELS);

        assertThat(value.loss()).isCloseTo(crossEntropy(STUDENT, LABELS), within(1e-10));
        assertThat(check.maxRelativeGradientError(logits(STUDENT), Map.of(), LABELS, 1e-6, 1e-9)).isLessThan(1e-6);
    }

    private static LossChecks check(double temperature, double alpha, boolean squared) {
        return LossChecks.of(new HintonKdDistiller(new HintonKdParams(temperature, alpha, squared)), LOGITS, LOGITS, 3);
    }

    private static Map<String, INDArray> logits(double[][] values) {
        return Map.of("logits", Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }

    /** Independent slow reference: mean over samples of -log softmax(z)[y]. */
    private static double crossEntropy(double[][] logits, int[] labels) {
        double total = 0;
        for (int b = 0; b < logits.length; b++) {
            total -= Math.log(softmax(logits[b], 1)[labels[b]]);
        }
        return total / logits.length;
    }

    /** Independent slow reference: mean over samples of KL(softmax(t/T) || softmax(s/T)). */
    private static double kl(double[][] teacher, double[][] student, double temperature) {
        double total = 0;
        for (int b = 0; b < teacher.length; b++) {
            double[] p = softmax(teacher[b], temperature);
            double[] q = softmax(student[b], temperature);
            for (int i = 0; i < p.length; i++) {
                total += p[i] * Math.log(p[i] / q[i]);
            }
        }
        return total / teacher.length;
    }

    private static double[] softmax(double[] logits, double temperature) {
        double[] result = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            result[i] = Math.exp(logits[i] / temperature);
            sum += result[i];
        }
        for (int i = 0; i < logits.length; i++) {
            result[i] /= sum;
        }
        return result;
    }
}
