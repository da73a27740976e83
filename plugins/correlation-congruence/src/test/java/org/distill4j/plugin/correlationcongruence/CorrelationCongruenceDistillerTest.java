package org.distill4j.plugin.correlationcongruence;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.correlationcongruence.CorrelationCongruenceReference.array;
import static org.distill4j.plugin.correlationcongruence.CorrelationCongruenceReference.embed;
import static org.distill4j.plugin.correlationcongruence.CorrelationCongruenceReference.random;

class CorrelationCongruenceDistillerTest {

    private static final CorrelationCongruenceMode CODE = CorrelationCongruenceMode.CODE;
    private static final CorrelationCongruenceMode PAPER = CorrelationCongruenceMode.PAPER;

    @Test
    void codeModeMatchesAHandComputedValue() {
        // delta = s - t = [[1, 2], [-1, 0], [2, -2]]; |delta| rows 0.1 = 1 + 0 = 1 and 1.2 = 2 + 0 = 2: mean 1.5.
        double[][] student = {{1, 2}, {0, 1}, {3, -1}};
        double[][] teacher = {{0, 0}, {1, 1}, {1, 1}};
        LossValue value = check(params(CODE, null, 0), 2, 2).evaluate(taps(student), taps(teacher), new int[3]);

        assertThat(value.terms()).containsOnlyKeys("correlation");
        assertThat(value.terms().get("correlation")).isCloseTo(1.5, within(1e-12));
        assertThat(value.loss()).isCloseTo(0.02 * 1.5, within(1e-12));
    }

    @Test
    void paperModeMatchesAHandComputedValue() {
        // Student samples orthogonal (cos 0), teacher samples parallel (cos 1). With gamma = 0.5 and P = 1 the
        // kernel is e^-1 (1 + cos): the off-diagonal entries differ by e^-1, the diagonal ones not at all.
        double[][] student = {{1, 0}, {0, 3}};
        double[][] teacher = {{1, 1}, {2, 2}};
        double loss = check(new CorrelationCongruenceParams("pool", null, PAPER, 1.0, 0, 0.5, 1), 2, 2)
                .evaluate(taps(student), taps(teacher), new int[2]).loss();

        assertThat(loss).isCloseTo(2 * Math.exp(-2) / 4, within(1e-12));
    }

    @Test
    void codeModeWithEmbeddingsMatchesTheLoopReference() {
        double[][] student = random(1, 6, 5, 1);
        double[][] teacher = random(2, 6, 8, 1);
        Embeddings embeddings = Embeddings.random(3, 5, 8, 4);
        LossChecks check = check(params(CODE, 0.5, 4), 5, 8);
        embeddings.setOn(check);

        double loss = check.evaluate(taps(student), taps(teacher), new int[6]).loss();

        double expected = 0.5 * CorrelationCongruenceReference.code(embeddings.student(student),
                embeddings.teacher(teacher));
        assertThat(loss).isCloseTo(expected, within(1e-12));
    }

    @Test
    void paperModeMatchesTheLoopReferenceWithAndWithoutEmbeddingsForSeveralOrders() {
        double[][] student = random(4, 5, 6, 1);
        double[][] teacher = random(5, 5, 3, 1);
        for (int order : new int[] {1, 2, 4}) {
            LossChecks plain = check(new CorrelationCongruenceParams("pool", null, PAPER, 2.0, 0, 0.4, order), 6, 3);
            double expected = 2 * CorrelationCongruenceReference.paper(student, teacher, 0.4, order);
            assertThat(plain.evaluate(taps(student), taps(teacher), new int[5]).loss()).as("P=%s", order)
                    .isCloseTo(expected, within(1e-12));
        }
        Embeddings embeddings = Embeddings.random(6, 6, 3, 7);
        LossChecks embedded = check(new CorrelationCongruenceParams("pool", null, PAPER, 1.0, 7, 0.8, 3), 6, 3);
        embeddings.setOn(embedded);
        double expected = CorrelationCongruenceReference.paper(embeddings.student(student),
                embeddings.teacher(teacher), 0.8, 3);
        assertThat(embedded.evaluate(taps(student), taps(teacher), new int[5]).loss()).isCloseTo(expected,
                within(1e-12));
    }

    @Test
    void featureMapsAreFlattenedPerSampleBeforeTheEmbedding() {
        double[][][][] maps = {{{{1, 2}, {3, 4}}}, {{{-1, 0}, {2, 1}}}, {{{0.5, 0.5}, {-2, 1}}}};
        double[][] flat = {{1, 2, 3, 4}, {-1, 0, 2, 1}, {0.5, 0.5, -2, 1}};
        double[][] teacher = random(7, 3, 4, 1);
        LossChecks check = LossChecks.of(new CorrelationCongruenceDistiller(new CorrelationCongruenceParams("s.map",
                "t.pool", CODE, 1.0, 0, 0.4, 2)), Map.of("s.map", TensorShape.map(1, 2, 2)),
                Map.of("t.pool", TensorShape.vector(4)), 3);

        double loss = check.evaluate(Map.of("s.map", Nd4j.createFromArray(maps).castTo(DataType.DOUBLE)),
                Map.of("t.pool", array(teacher)), new int[3]).loss();

        assertThat(loss).isCloseTo(CorrelationCongruenceReference.code(flat, teacher), within(1e-12));
    }

    @Test
    void gradientsMatchFiniteDifferencesForTapsAndEmbeddings() {
        double[][] student = random(8, 5, 4, 1);
        double[][] teacher = random(9, 5, 6, 1);
        for (CorrelationCongruenceMode mode : CorrelationCongruenceMode.values()) {
            LossChecks check = check(params(mode, 1.0, 3), 4, 6);
            double error = check.maxRelativeGradientError(taps(student), taps(teacher), new int[5], 1e-6, 1e-10);
            assertThat(error).as("%s", mode).isLessThan(1e-5);
            assertThat(check.parameters()).as("%s", mode).containsOnlyKeys("student-embedding.weight",
                    "student-embedding.bias", "teacher-embedding.weight", "teacher-embedding.bias");
        }
        LossChecks plain = check(new CorrelationCongruenceParams("pool", null, PAPER, 1.0, 0, 0.4, 2), 4, 6);
        assertThat(plain.maxRelativeGradientError(taps(student), taps(teacher), new int[5], 1e-6, 1e-10))
                .isLessThan(1e-5);
    }

    @Test
    void identicalFeaturesGiveZeroLossAndZeroGradientInBothModes() {
        double[][] features = random(10, 4, 5, 1);
        for (CorrelationCongruenceMode mode : CorrelationCongruenceMode.values()) {
            LossValue value = check(params(mode, 1.0, 0), 5, 5).evaluate(taps(features), taps(features), new int[4]);
            assertThat(value.loss()).as("%s", mode).isCloseTo(0, within(1e-14));
            assertThat(value.gradients().get("pool").amaxNumber().doubleValue()).as("%s", mode).isLessThan(1e-14);
        }
        // With embeddings, the two networks agree when their features and their embeddings do.
        Embeddings same = Embeddings.random(11, 5, 5, 3);
        LossChecks check = check(params(CODE, 1.0, 3), 5, 5);
        same.withTeacherAsStudent().setOn(check);
        assertThat(check.evaluate(taps(features), taps(features), new int[4]).loss()).isCloseTo(0, within(1e-14));
    }

    @Test
    void codeModeOnlyCouplesNeighbouringSamplesOfTheBatch() {
        // Samples 0 and 2 disagree, sample 1 agrees: the products 0.1 and 1.2 are both zero, and 0.2 does not count.
        double[][] student = {{1, 2}, {5, 5}, {3, -1}};
        double[][] teacher = {{0, 0}, {5, 5}, {1, 1}};

        double loss = check(params(CODE, 1.0, 0), 2, 2).evaluate(taps(student), taps(teacher), new int[3]).loss();

        assertThat(loss).isZero();
    }

    @Test
    void aOneSampleBatchGivesZeroInBothModes() {
        for (CorrelationCongruenceMode mode : CorrelationCongruenceMode.values()) {
            LossValue value = check(params(mode, 1.0, 3), 2, 3).evaluate(taps(new double[][] {{1, 2}}),
                    taps(new double[][] {{-1, 0.5, 3}}), new int[1]);
            assertThat(value.loss()).as("%s", mode).isCloseTo(0, within(1e-14));
            assertThat(value.gradients().get("pool").isNaN().any()).as("%s", mode).isFalse();
        }
    }

    @Test
    void codeModeWithoutEmbeddingsNeedsTapsOfEqualSize() {
        String expected = "correlation congruence in code mode subtracts the student's from the teacher's features,"
                + " but without embeddings (embedding-size 0) the student's 'pool' (64, 64 values) and the teacher's"
                + " 'pool' (128, 128 values) differ in size; give embedding-size > 0 (128 in RepDistiller), pick taps"
                + " of equal size, or use mode: paper";
        Map<String, TensorShape> student = Map.of("pool", TensorShape.vector(64));
        Map<String, TensorShape> teacher = Map.of("pool", TensorShape.vector(128));

        assertThat(distiller(params(CODE, null, 0)).shapeProblems(student, teacher)).containsExactly(expected);
        assertThat(distiller(params(CODE, null, 128)).shapeProblems(student, teacher)).isEmpty();
        assertThat(distiller(params(PAPER, null, 0)).shapeProblems(student, teacher)).isEmpty();
        assertThat(distiller(params(CODE, null, 0)).shapeProblems(Map.of("pool", TensorShape.map(4, 4, 4)), student))
                .isEmpty();
        assertThatThrownBy(() -> check(params(CODE, null, 0), 64, 128)).hasMessageContaining(expected);
    }

    private static CorrelationCongruenceParams params(CorrelationCongruenceMode mode, Double beta, int embedding) {
        return new CorrelationCongruenceParams("pool", null, mode, beta, embedding, 0.4, 2);
    }

    private static CorrelationCongruenceDistiller distiller(CorrelationCongruenceParams params) {
        return new CorrelationCongruenceDistiller(params);
    }

    private static LossChecks check(CorrelationCongruenceParams params, int studentUnits, int teacherUnits) {
        return LossChecks.of(distiller(params), Map.of("pool", TensorShape.vector(studentUnits)),
                Map.of("pool", TensorShape.vector(teacherUnits)), 3);
    }

    private static Map<String, INDArray> taps(double[][] values) {
        return Map.of("pool", array(values));
    }

    /** Fixed embedding weights for golden values. */
    private record Embeddings(double[][] studentWeight, double[] studentBias, double[][] teacherWeight,
            double[] teacherBias) {

        static Embeddings random(long seed, int studentUnits, int teacherUnits, int size) {
            return new Embeddings(CorrelationCongruenceReference.random(seed, studentUnits, size, 0.5),
                    CorrelationCongruenceReference.random(seed + 100, size, 0.1),
                    CorrelationCongruenceReference.random(seed + 200, teacherUnits, size, 0.5),
                    CorrelationCongruenceReference.random(seed + 300, size, 0.1));
        }

        Embeddings withTeacherAsStudent() {
            return new Embeddings(studentWeight, studentBias, studentWeight, studentBias);
        }

        double[][] student(double[][] features) {
            return embed(features, studentWeight, studentBias);
        }

        double[][] teacher(double[][] features) {
            return embed(features, teacherWeight, teacherBias);
        }

        void setOn(LossChecks check) {
            check.setParameter("student-embedding.weight", array(studentWeight));
            check.setParameter("student-embedding.bias", array(studentBias));
            check.setParameter("teacher-embedding.weight", array(teacherWeight));
            check.setParameter("teacher-embedding.bias", array(teacherBias));
        }
    }
}
