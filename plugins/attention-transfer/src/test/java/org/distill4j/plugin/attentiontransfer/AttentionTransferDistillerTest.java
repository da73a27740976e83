package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AttentionTransferDistillerTest {

    private static final AttentionTransferPair PAIR = new AttentionTransferPair("s.group1", "t.group1");
    private static final int[] LABELS = {0, 1};

    @Test
    void lossMatchesAHandComputedAttentionMap() {
        // Student: two channels [1, 0] and [0, 1] on a 1x2 map, so F_sum^2 = [1, 1] and at_s = [1/sqrt2, 1/sqrt2].
        // Teacher: one channel [2, 0], so F_sum^2 = [4, 0] and at_t = [1, 0].
        double[][][][] student = {{{{1, 0}}, {{0, 1}}}};
        double[][][][] teacher = {{{{2, 0}}}};
        double half = Math.sqrt(0.5);

        double code = value(params(AttentionMapping.SUM_P, 2, AttentionTransferMode.CODE), student, teacher);
        double paper = value(params(AttentionMapping.SUM_P, 2, AttentionTransferMode.PAPER), student, teacher);

        // Code: 1000 * mean((half - 1)^2, half^2) = 1000 * (1 - 1/sqrt2).
        assertThat(code).isCloseTo(1000 * (1 - half), within(1e-6));
        assertThat(code).isCloseTo(1000 * ((half - 1) * (half - 1) + half * half) / 2, within(1e-6));
        // Paper: 1000/2 * |(half - 1, half)|_2 / (B HW) with B = 1, HW = 2.
        assertThat(paper).isCloseTo(500 * Math.sqrt(2 - Math.sqrt(2)) / 2, within(1e-6));
    }

    @Test
    void everyMappingAndModeMatchesTheLoopReference() {
        double[][][][] student = AttentionReference.random(1, 3, 2, 3, 4);
        double[][][][] teacher = AttentionReference.random(2, 3, 5, 3, 4);
        for (AttentionMapping mapping : AttentionMapping.values()) {
            for (double p : new double[] {2, 3}) {
                for (AttentionTransferMode mode : AttentionTransferMode.values()) {
                    double expected = 1000 * reference(student, teacher, mapping, p, mode);
                    assertThat(value(params(mapping, p, mode), student, teacher))
                            .as("%s p=%s %s", mapping, p, mode).isCloseTo(expected, within(1e-8));
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesForEveryMappingAndMode() {
        double[][][][] student = AttentionReference.random(3, 2, 2, 2, 3);
        double[][][][] teacher = AttentionReference.random(4, 2, 4, 2, 3);
        for (AttentionMapping mapping : AttentionMapping.values()) {
            for (AttentionTransferMode mode : AttentionTransferMode.values()) {
                LossChecks check = check(params(mapping, 2.5, mode), student, teacher);
                double error = check.maxRelativeGradientError(maps("s.group1", student), maps("t.group1", teacher),
                        new int[] {0, 1}, 1e-6, 1e-9);
                assertThat(error).as("%s %s", mapping, mode).isLessThan(1e-3);
            }
        }
    }

    @Test
    void scalingAnActivationLeavesItsAttentionUnchanged() {
        // at(cA) = at(A) for c > 0: the per-sample normalisation removes the scale.
        double[][][][] student = AttentionReference.random(5, 2, 3, 2, 2);
        double[][][][] teacher = AttentionReference.random(6, 2, 3, 2, 2);
        double[][][][] scaled = AttentionReference.random(5, 2, 3, 2, 2);
        for (double[][][] sample : scaled) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (int x = 0; x < row.length; x++) {
                        row[x] *= 7.5;
                    }
                }
            }
        }
        AttentionTransferParams params = params(AttentionMapping.SUM_P, 2, AttentionTransferMode.CODE);

        assertThat(value(params, scaled, teacher)).isCloseTo(value(params, student, teacher), within(1e-9));
    }

    @Test
    void identicalMapsGiveZeroLossAndZeroGradient() {
        double[][][][] maps = AttentionReference.random(7, 2, 3, 2, 2);
        for (AttentionTransferMode mode : AttentionTransferMode.values()) {
            LossValue value = check(params(AttentionMapping.SUM_P, 2, mode), maps, maps)
                    .evaluate(maps("s.group1", maps), maps("t.group1", maps), LABELS);

            assertThat(value.loss()).as("%s", mode).isCloseTo(0, within(1e-9));
            assertThat(value.gradients().get("s.group1").amaxNumber().doubleValue()).as("%s", mode).isLessThan(1e-6);
        }
    }

    @Test
    void aLargerMapIsAveragePooledToTheSmallerBeforeTheMapping() {
        double[][][][] student = AttentionReference.random(8, 2, 2, 4, 4);
        double[][][][] teacher = AttentionReference.random(9, 2, 2, 2, 2);
        AttentionTransferParams params = params(AttentionMapping.SUM_P, 2, AttentionTransferMode.CODE);

        double pooledFirst = 1000 * reference(AttentionReference.pool(student, 2), teacher, AttentionMapping.SUM_P, 2,
                AttentionTransferMode.CODE);

        assertThat(value(params, student, teacher)).isCloseTo(pooledFirst, within(1e-8));
        assertThat(check(params, student, teacher).maxRelativeGradientError(maps("s.group1", student),
                maps("t.group1", teacher), LABELS, 1e-6, 1e-9)).isLessThan(1e-3);
    }

    @Test
    void sizesThatDoNotDivideAreRejectedNamingThePair() {
        double[][][][] student = AttentionReference.random(10, 2, 1, 3, 3);
        double[][][][] teacher = AttentionReference.random(11, 2, 1, 2, 2);

        assertThatThrownBy(() -> check(params(AttentionMapping.SUM_P, 2, AttentionTransferMode.CODE), student, teacher))
                .hasMessageContaining("pair s.group1 <- t.group1: the spatial sizes 3x3 (student) and 2x2"
                        + " (teacher) are not integer multiples");
    }

    @Test
    void shapeProblemsNameThePairBeforeAnyTraining() {
        AttentionTransferDistiller distiller = new AttentionTransferDistiller(new AttentionTransferParams(List.of(PAIR,
                new AttentionTransferPair("s.group2", "t.logits"), new AttentionTransferPair("s.group2", "t.group1")),
                1000, AttentionMapping.SUM_P, 2, AttentionTransferMode.CODE));
        Map<String, TensorShape> student = Map.of("s.group1", TensorShape.map(16, 8, 8), "s.group2",
                TensorShape.map(32, 3, 3));
        Map<String, TensorShape> teacher = Map.of("t.group1", TensorShape.map(32, 4, 4), "t.logits",
                TensorShape.vector(10));

        assertThat(distiller.shapeProblems(student, teacher)).containsExactly(
                "pair s.group2 <- t.logits: the teacher vertex is a vector of 10 units, not a feature map; pick C x H x"
                        + " W activations, e.g. a block or group output",
                "pair s.group2 <- t.group1: the spatial sizes 3x3 (student) and 4x4 (teacher) are not integer multiples"
                        + " of each other, so the larger map cannot be average-pooled to the smaller; pick vertices"
                        + " whose sizes divide");
    }

    @Test
    void pairsAreRequiredAndDistinct() {
        assertThatThrownBy(() -> new AttentionTransferParams(List.of(), 1000, AttentionMapping.SUM_P, 2,
                AttentionTransferMode.CODE)).hasMessageContaining("pairs needs at least one");
        assertThatThrownBy(() -> new AttentionTransferParams(List.of(PAIR, PAIR), 1000, AttentionMapping.SUM_P, 2,
                AttentionTransferMode.CODE)).hasMessageContaining("pair s.group1 <- t.group1 is listed twice");
    }

    static double reference(double[][][][] student, double[][][][] teacher, AttentionMapping mapping, double p,
            AttentionTransferMode mode) {
        double[][] studentVectors = new double[student.length][];
        double[][] teacherVectors = new double[teacher.length][];
        for (int b = 0; b < student.length; b++) {
            studentVectors[b] = AttentionReference.attention(student[b], mapping, p);
            teacherVectors[b] = AttentionReference.attention(teacher[b], mapping, p);
        }
        return mode == AttentionTransferMode.CODE ? AttentionReference.codeDistance(studentVectors, teacherVectors)
                : AttentionReference.paperDistance(studentVectors, teacherVectors);
    }

    private static AttentionTransferParams params(AttentionMapping mapping, double p, AttentionTransferMode mode) {
        return new AttentionTransferParams(List.of(PAIR), 1000, mapping, p, mode);
    }

    private static double value(AttentionTransferParams params, double[][][][] student, double[][][][] teacher) {
        int[] labels = new int[student.length];
        return check(params, student, teacher).evaluate(maps("s.group1", student), maps("t.group1", teacher), labels)
                .loss();
    }

    private static LossChecks check(AttentionTransferParams params, double[][][][] student, double[][][][] teacher) {
        return LossChecks.of(new AttentionTransferDistiller(params), Map.of("s.group1", shape(student)),
                Map.of("t.group1", shape(teacher)), 2);
    }

    static TensorShape shape(double[][][][] maps) {
        return TensorShape.map(maps[0].length, maps[0][0].length, maps[0][0][0].length);
    }

    static Map<String, INDArray> maps(String tap, double[][][][] values) {
        return Map.of(tap, AttentionReference.array(values));
    }
}
