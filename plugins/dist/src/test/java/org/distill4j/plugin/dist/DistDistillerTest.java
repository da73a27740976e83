package org.distill4j.plugin.dist;

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

class DistDistillerTest {

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
    void lossAndTermsMatchTheBruteForceReferenceAtTheOfficialImageNetRecipe() {
        DistParams params = DistParams.defaults();
        LossValue value = check(params).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        assertThat(value.loss()).isCloseTo(DistReference.loss(params, STUDENT, TEACHER, LABELS), within(1e-10));
        assertThat(value.terms()).containsOnlyKeys("cross-entropy", "inter", "intra");
        assertThat(value.terms().get("cross-entropy"))
                .isCloseTo(DistReference.crossEntropy(STUDENT, LABELS), within(1e-10));
        assertThat(value.terms().get("inter"))
                .isCloseTo(DistReference.inter(STUDENT, TEACHER, 1, 1e-8), within(1e-10)).isGreaterThan(0.05);
        assertThat(value.terms().get("intra"))
                .isCloseTo(DistReference.intra(STUDENT, TEACHER, 1, 1e-8), within(1e-10)).isGreaterThan(0.05);
    }

    @Test
    void theCifarRecipesTemperatureScalesBothTermsByTauSquared() {
        DistParams params = new DistParams(1, 2, 2, 4, 1e-8);
        LossValue value = check(params).evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        assertThat(value.loss()).isCloseTo(DistReference.loss(params, STUDENT, TEACHER, LABELS), within(1e-10));
        double correlation = 1 - value.terms().get("inter") / 16;
        double[][] studentSoft = DistReference.probabilities(STUDENT, 4);
        double[][] teacherSoft = DistReference.probabilities(TEACHER, 4);
        double mean = 0;
        for (int b = 0; b < STUDENT.length; b++) {
            mean += DistReference.pearson(studentSoft[b], teacherSoft[b], 1e-8) / STUDENT.length;
        }
        assertThat(correlation).isCloseTo(mean, within(1e-12));
    }

    @Test
    void betaAndGammaWeighTheirTermsAlone() {
        LossValue interOnly = check(new DistParams(0, 1.5, 0, 2, 1e-8))
                .evaluate(logits(STUDENT), logits(TEACHER), LABELS);
        LossValue intraOnly = check(new DistParams(0, 0, 0.5, 2, 1e-8))
                .evaluate(logits(STUDENT), logits(TEACHER), LABELS);

        assertThat(interOnly.loss()).isCloseTo(1.5 * DistReference.inter(STUDENT, TEACHER, 2, 1e-8), within(1e-10));
        assertThat(intraOnly.loss()).isCloseTo(0.5 * DistReference.intra(STUDENT, TEACHER, 2, 1e-8), within(1e-10));
    }

    @Test
    void identicalLogitsGiveZeroRelationTermsUpToTheCodesEpsilon() {
        LossValue exact = check(new DistParams(0, 1, 1, 4, 0)).evaluate(logits(TEACHER), logits(TEACHER), LABELS);
        assertThat(exact.terms().get("inter")).isCloseTo(0, within(1e-12));
        assertThat(exact.terms().get("intra")).isCloseTo(0, within(1e-12));
        assertThat(exact.gradients().get("logits").amaxNumber().doubleValue()).isLessThan(1e-10);

        // The official eps makes a perfect correlation |a|^2 / (|a|^2 + 1e-8): a residual of order 1e-8 / |a|^2.
        LossValue code = check(new DistParams(1, 2, 2, 1, 1e-8)).evaluate(logits(TEACHER), logits(TEACHER), LABELS);
        assertThat(code.terms().get("inter")).isBetween(0.0, 1e-5)
                .isCloseTo(DistReference.inter(TEACHER, TEACHER, 1, 1e-8), within(1e-12));
        assertThat(code.terms().get("intra")).isBetween(0.0, 1e-5)
                .isCloseTo(DistReference.intra(TEACHER, TEACHER, 1, 1e-8), within(1e-12));
        assertThat(code.loss()).isCloseTo(DistReference.crossEntropy(TEACHER, LABELS), within(1e-5));
    }

    @Test
    void mixingTheStudentsProbabilitiesWithTheUniformDistributionChangesNothing() {
        // p -> s p + (1 - s) / C is a positive affine map of every probability, within each sample and each class:
        // both correlations, hence both terms, are invariant to it, though the probabilities (and KL) change.
        double temperature = 2;
        double[][] mixed = mixWithUniform(STUDENT, temperature, new double[] {0.3, 0.3, 0.3, 0.3});
        assertThat(DistReference.probabilities(mixed, temperature)[0][2])
                .isNotCloseTo(DistReference.probabilities(STUDENT, temperature)[0][2], within(0.05));

        DistParams exact = new DistParams(0, 1, 1, temperature, 0);
        LossValue original = check(exact).evaluate(logits(STUDENT), logits(TEACHER), LABELS);
        LossValue transformed = check(exact).evaluate(logits(mixed), logits(TEACHER), LABELS);
        assertThat(transformed.terms().get("inter")).isCloseTo(original.terms().get("inter"), within(1e-10));
        assertThat(transformed.terms().get("intra")).isCloseTo(original.terms().get("intra"), within(1e-10));

        // With the official eps the invariance holds up to about eps / (|a| |b|).
        DistParams code = new DistParams(0, 1, 1, temperature, 1e-8);
        double codeOriginal = check(code).evaluate(logits(STUDENT), logits(TEACHER), LABELS).loss();
        double codeTransformed = check(code).evaluate(logits(mixed), logits(TEACHER), LABELS).loss();
        assertThat(codeTransformed).isCloseTo(codeOriginal, within(1e-5));
    }

    @Test
    void aDifferentMixingPerSampleKeepsTheInterClassTermButNotTheIntraClassTerm() {
        // Each sample's vector is mapped affinely with its own slope: the correlations over classes stay, while a
        // class's probabilities across the batch are no longer an affine image of the original ones.
        double temperature = 1;
        double[][] mixed = mixWithUniform(STUDENT, temperature, new double[] {0.9, 0.2, 0.6, 0.35});
        DistParams exact = new DistParams(0, 1, 1, temperature, 0);

        LossValue original = check(exact).evaluate(logits(STUDENT), logits(TEACHER), LABELS);
        LossValue transformed = check(exact).evaluate(logits(mixed), logits(TEACHER), LABELS);
        assertThat(transformed.terms().get("inter")).isCloseTo(original.terms().get("inter"), within(1e-10));
        assertThat(Math.abs(transformed.terms().get("intra") - original.terms().get("intra"))).isGreaterThan(1e-3);
    }

    @Test
    void aOneSampleBatchHasNoIntraClassCorrelationAsInTheOfficialCode() {
        // Across a batch of one every class's centred probabilities are 0: the code's eps makes the correlation
        // 0 / eps = 0, so the intra-class term is tau^2 and gives no gradient.
        double[][] student = {STUDENT[0]};
        double[][] teacher = {TEACHER[0]};
        int[] label = {LABELS[0]};
        DistParams params = new DistParams(0, 1, 1, 4, 1e-8);
        LossValue value = check(params).evaluate(logits(student), logits(teacher), label);

        assertThat(value.terms().get("intra")).isCloseTo(16, within(1e-12));
        assertThat(value.loss()).isCloseTo(DistReference.loss(params, student, teacher, label), within(1e-10));
        INDArray gradient = value.gradients().get("logits");
        INDArray interAlone = check(new DistParams(0, 1, 0, 4, 1e-8))
                .evaluate(logits(student), logits(teacher), label).gradients().get("logits");
        assertThat(gradient.isNaN().any()).isFalse();
        assertThat(gradient.sub(interAlone).amaxNumber().doubleValue()).isZero();
        assertThat(check(params).maxRelativeGradientError(logits(student), logits(teacher), label, 1e-6, 1e-9))
                .isLessThan(1e-6);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (double temperature : new double[] {1, 4}) {
            for (double epsilon : new double[] {1e-8, 0}) {
                double error = check(new DistParams(1, 2, 2, temperature, epsilon))
                        .maxRelativeGradientError(logits(STUDENT), logits(TEACHER), LABELS, 1e-6, 1e-9);
                assertThat(error).as("tau=%s, epsilon=%s", temperature, epsilon).isLessThan(1e-6);
            }
        }
    }

    /** Logits whose tempered softmax is {@code s_b softmax(z_b / tau) + (1 - s_b) / C}, one slope per sample. */
    private static double[][] mixWithUniform(double[][] logits, double temperature, double[] slopes) {
        double[][] probabilities = DistReference.probabilities(logits, temperature);
        double[][] result = new double[logits.length][logits[0].length];
        for (int b = 0; b < logits.length; b++) {
            for (int i = 0; i < logits[b].length; i++) {
                double mixed = slopes[b] * probabilities[b][i] + (1 - slopes[b]) / logits[b].length;
                result[b][i] = temperature * Math.log(mixed);
            }
        }
        return result;
    }

    private static LossChecks check(DistParams params) {
        return LossChecks.of(new DistDistiller(params), LOGITS, LOGITS, CLASSES);
    }

    private static Map<String, INDArray> logits(double[][] values) {
        return Map.of("logits", Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }
}
