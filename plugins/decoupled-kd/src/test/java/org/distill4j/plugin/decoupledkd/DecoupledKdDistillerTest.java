package org.distill4j.plugin.decoupledkd;

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

class DecoupledKdDistillerTest {

    private static final int CLASSES = 5;
    private static final Map<String, TensorShape> LOGITS = Map.of("logits", TensorShape.vector(CLASSES));

    private static final double[][] STUDENT = {
            {1.0, -0.5, 2.0, 0.3, -1.1},
            {0.3, 0.1, -1.2, 2.2, 0.0},
            {-0.7, 1.9, 0.4, -0.2, 1.3},
            {2.6, -1.4, 0.8, 0.5, -0.3}};
    private static final double[][] TEACHER = {
            {2.5, -1.0, 0.5, 1.4, -2.0},
            {-0.4, 1.7, 0.2, 3.1, -0.9},
            {0.1, 3.3, -0.6, 0.9, 0.7},
            {4.0, -2.2, 1.5, -0.5, 0.2}};
    private static final int[] LABELS = {2, 3, 1, 0};

    @Test
    void lossAndTermsMatchTheBruteForceReferenceAtTheOfficialDefaults() {
        DecoupledKdParams params = DecoupledKdParams.defaults();
        LossValue value = check(params).atEpoch(20).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        assertThat(value.loss())
                .isCloseTo(DecoupledKdReference.loss(params, 20, STUDENT, TEACHER, LABELS), within(1e-10));
        assertThat(value.terms()).containsOnlyKeys("cross-entropy", "tckd", "nckd", "warmup");
        assertThat(value.terms().get("cross-entropy"))
                .isCloseTo(DecoupledKdReference.crossEntropy(STUDENT, LABELS), within(1e-10));
        assertThat(value.terms().get("tckd"))
                .isCloseTo(DecoupledKdReference.targetClass(STUDENT, TEACHER, LABELS, 4), within(1e-10));
        assertThat(value.terms().get("nckd"))
                .isCloseTo(DecoupledKdReference.nonTargetClass(STUDENT, TEACHER, LABELS, 4), within(1e-10));
        assertThat(value.terms().get("warmup")).isEqualTo(1.0);
        // Both terms are non-trivial here, so the golden value tests the weighting and not only the cross-entropy.
        assertThat(value.terms().get("tckd")).isGreaterThan(0.01);
        assertThat(value.terms().get("nckd")).isGreaterThan(0.1);
    }

    @Test
    void theDistillationTermsWarmUpLinearlyOverTwentyEpochsCountedFromOne() {
        DecoupledKdParams params = DecoupledKdParams.defaults();
        LossChecks check = check(params);
        for (int epoch : new int[] {1, 2, 10, 19, 20, 21, 240}) {
            LossValue value = check.atEpoch(epoch).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

            double weight = Math.min(epoch / 20.0, 1.0);
            assertThat(value.terms().get("warmup")).as("epoch %d", epoch).isCloseTo(weight, within(1e-15));
            assertThat(value.loss()).as("epoch %d", epoch)
                    .isCloseTo(DecoupledKdReference.loss(params, epoch, STUDENT, TEACHER, LABELS), within(1e-10));
        }
        double first = check.atEpoch(1).evaluate(logits(STUDENT), logits(TEACHER), LABELS).loss();
        double tenth = check.atEpoch(10).evaluate(logits(STUDENT), logits(TEACHER), LABELS).loss();
        double crossEntropy = DecoupledKdReference.crossEntropy(STUDENT, LABELS);
        // At epoch 1 the terms weigh 1/20, at epoch 10 half: ten times as much.
        assertThat(tenth - crossEntropy).isCloseTo(10 * (first - crossEntropy), within(1e-10));
    }

    @Test
    void aWarmupOfOneGivesTheTermsFullWeightFromTheFirstEpoch() {
        DecoupledKdParams params = new DecoupledKdParams(1, 1, 0.5, 1, 1);
        LossValue value = check(params).atEpoch(1).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        assertThat(value.terms().get("warmup")).isEqualTo(1.0);
        assertThat(value.loss()).isCloseTo(DecoupledKdReference.loss(params, 1, STUDENT, TEACHER, LABELS),
                within(1e-10));
    }

    @Test
    void identicalLogitsGiveZeroDistillationTermsAndNoDistillationGradient() {
        LossValue value = check(new DecoupledKdParams(1, 1, 8, 4, 20)).atEpoch(30)
                .evaluate(logits(TEACHER), logits(TEACHER), LABELS);

        assertThat(value.terms().get("tckd")).isCloseTo(0, within(1e-14));
        assertThat(value.terms().get("nckd")).isCloseTo(0, within(1e-14));
        assertThat(value.loss()).isCloseTo(DecoupledKdReference.crossEntropy(TEACHER, LABELS), within(1e-12));

        LossValue distillationOnly = check(new DecoupledKdParams(0, 1, 8, 4, 20)).atEpoch(30)
                .evaluate(logits(TEACHER), logits(TEACHER), LABELS);
        assertThat(distillationOnly.loss()).isCloseTo(0, within(1e-14));
        assertThat(distillationOnly.gradients().get("logits").amaxNumber().doubleValue()).isLessThan(1e-13);
    }

    @Test
    void betaZeroIsTheTargetClassTermAlone() {
        DecoupledKdParams params = new DecoupledKdParams(1, 1.5, 0, 4, 20);
        LossValue value = check(params).atEpoch(8).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        double expected = DecoupledKdReference.crossEntropy(STUDENT, LABELS)
                + 8 / 20.0 * 1.5 * DecoupledKdReference.targetClass(STUDENT, TEACHER, LABELS, 4);
        assertThat(value.loss()).isCloseTo(expected, within(1e-10));
    }

    @Test
    void theNonTargetTermGivesNoGradientToTheTargetLogit() {
        // mdistiller's 1000 offset leaves the target class out of NCKD's softmax, and with it out of its gradient;
        // the gradient over the non-target logits sums to zero, as for any softmax.
        LossValue value = check(new DecoupledKdParams(0, 0, 1, 4, 1))
                .evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        INDArray gradient = value.gradients().get("logits");
        for (int b = 0; b < LABELS.length; b++) {
            assertThat(gradient.getDouble(b, LABELS[b])).as("sample %d", b).isEqualTo(0.0);
            assertThat(gradient.getRow(b).sumNumber().doubleValue()).isCloseTo(0, within(1e-15));
            assertThat(gradient.getRow(b).amaxNumber().doubleValue()).isGreaterThan(1e-3);
        }
    }

    @Test
    void theTwoTermsDecomposeClassicalKdAsThePaperShows() {
        // Paper, equation (1)-(4): T^2 KL = TCKD + (1 - p_t) NCKD per sample, with p_t the teacher's tempered
        // target probability. With one sample, beta = 1 - p_t makes DKD the classical KD soft term.
        for (int b = 0; b < LABELS.length; b++) {
            double[][] student = {STUDENT[b]};
            double[][] teacher = {TEACHER[b]};
            int[] label = {LABELS[b]};
            double beta = 1 - DecoupledKdReference.targetProbability(TEACHER[b], LABELS[b], 4);
            LossValue value = check(new DecoupledKdParams(0, 1, beta, 4, 1))
                    .evaluate(logits(student), logits(teacher), label);

            assertThat(value.loss()).as("sample %d", b)
                    .isCloseTo(DecoupledKdReference.kullbackLeibler(student, teacher, 4), within(1e-10));
        }
    }

    @Test
    void theOffsetNonTargetTermEqualsThePapersExactRenormalisationForOrdinaryLogits() {
        LossValue value = check(DecoupledKdParams.defaults()).atEpoch(20)
                .evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        assertThat(value.terms().get("nckd"))
                .isCloseTo(DecoupledKdReference.nonTargetClassExact(STUDENT, TEACHER, LABELS, 4), within(1e-12));
    }

    @Test
    void aTargetLogitMoreThanAThousandTemperaturesAboveTheRestLeaksThroughTheOffsetAsInMdistiller() {
        // z / T - 1000 is still the largest tempered logit, so the "masked" target keeps most of the probability;
        // the distiller reproduces mdistiller here, not the exact renormalisation. TCKD must stay finite although
        // the student's non-target probability (about e^-1195) is 0 in floating point.
        double[][] student = {{1200, 0, 5, -2, 1}};
        double[][] teacher = {{1100, 3, 0, 1, -1}};
        int[] label = {0};
        LossValue value = check(new DecoupledKdParams(0, 1, 1, 1, 1)).evaluate(logits(student), logits(teacher), label);

        double offset = DecoupledKdReference.nonTargetClass(student, teacher, label, 1);
        double exact = DecoupledKdReference.nonTargetClassExact(student, teacher, label, 1);
        assertThat(value.terms().get("nckd")).isCloseTo(offset, within(1e-9));
        assertThat(Math.abs(offset - exact)).isGreaterThan(1.0);
        assertThat(value.terms().get("tckd")).isFinite()
                .isCloseTo(DecoupledKdReference.targetClass(student, teacher, label, 1), within(1e-9));
        assertThat(value.gradients().get("logits").isNaN().any()).isFalse();
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (double temperature : new double[] {1, 4}) {
            for (int epoch : new int[] {5, 25}) {
                double error = check(new DecoupledKdParams(1, 1, 8, temperature, 20)).atEpoch(epoch)
                        .maxRelativeGradientError(logits(STUDENT), logits(TEACHER), LABELS, 1e-6, 1e-9);
                assertThat(error).as("T=%s, epoch %d", temperature, epoch).isLessThan(1e-6);
            }
        }
    }

    private static LossChecks check(DecoupledKdParams params) {
        return LossChecks.of(new DecoupledKdDistiller(params), LOGITS, LOGITS, CLASSES);
    }

    private static Map<String, INDArray> logits(double[][] values) {
        return Map.of("logits", Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }
}
