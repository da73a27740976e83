package org.distill4j.plugin.fsp;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FspDistillerTest {

    // Two pairs with different student and teacher names. The student's first pair pools s.stem (4x4) to 2x2; the
    // teacher's second pair pools t.stage1 (2x2) to 1x1. Spatial sizes may differ between the networks: G does not
    // depend on them.
    private static final FspPair STEM_PAIR = new FspPair(List.of("s.stem", "s.stage1"), List.of("t.stem", "t.stage1"));
    private static final FspPair STAGE_PAIR = new FspPair(List.of("s.stage1", "s.stage2"),
            List.of("t.stage1", "t.stage2"));
    private static final int[] LABELS = {0, 1};

    @Test
    void theMatrixIsFirstTransposedTimesSecondOverTheAreaWithShapeC1ByC2() {
        double[][][][] first = FspReference.random(1, 2, 3, 4, 4);
        double[][][][] second = FspReference.random(2, 2, 5, 4, 4);

        INDArray matrix = matrix(first, second);

        assertThat(matrix.shape()).containsExactly(2, 3, 5);
        for (int b = 0; b < 2; b++) {
            // Each sample's own matrix: features averaged over the batch before the product would fail here.
            assertMatrix(matrix.slice(b).toDoubleMatrix(), FspReference.matrix(first[b], second[b]));
        }
    }

    @Test
    void theLargerMapIsAveragePooledBeforeTheProduct() {
        double[][][][] first = FspReference.random(3, 2, 2, 4, 9);
        double[][][][] second = FspReference.random(4, 2, 3, 2, 3);

        INDArray matrix = matrix(first, second);

        assertThat(matrix.shape()).containsExactly(2, 2, 3);
        for (int b = 0; b < 2; b++) {
            double[][][] pooled = FspReference.pool(first[b], 2, 3);
            assertMatrix(matrix.slice(b).toDoubleMatrix(), FspReference.matrix(pooled, second[b]));
        }
    }

    @Test
    void lossMatchesAHandComputedValue() {
        // Student: F1 = [1, 2] (one channel, 1x2), F2 = [[1, 0], [0, 1]], so G_s = [1/2, 2/2] = [0.5, 1].
        // Teacher: F1 = [1, 0] and the same F2, so G_t = [0.5, 0]. The difference is [0, 1].
        double[][][][] studentFirst = {{{{1, 2}}}};
        double[][][][] teacherFirst = {{{{1, 0}}}};
        double[][][][] second = {{{{1, 0}}, {{0, 1}}}};
        FspPair pair = new FspPair("first", "second");
        Map<String, double[][][][]> student = Map.of("first", studentFirst, "second", second);
        Map<String, double[][][][]> teacher = Map.of("first", teacherFirst, "second", second);

        // Code: the mean of [0, 1] squared over the 1x2 entries; paper: the squared Frobenius norm.
        assertThat(value(new FspParams(List.of(pair), null, FspMode.CODE), student, teacher)).isCloseTo(0.5,
                within(1e-12));
        assertThat(value(new FspParams(List.of(pair), null, FspMode.PAPER), student, teacher)).isCloseTo(1.0,
                within(1e-12));
        assertThat(value(new FspParams(List.of(pair), List.of(3.0), FspMode.PAPER), student, teacher))
                .isCloseTo(3.0, within(1e-12));
    }

    @Test
    void bothModesMatchTheLoopReferenceWithWeightsAndPooling() {
        Map<String, double[][][][]> student = student(10);
        Map<String, double[][][][]> teacher = teacher(20);
        for (FspMode mode : FspMode.values()) {
            double expected = 0.5 * reference(STEM_PAIR, student, teacher, mode)
                    + 2.0 * reference(STAGE_PAIR, student, teacher, mode);

            assertThat(value(params(mode), student, teacher)).as("%s", mode).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void eachPairsUnweightedTermIsReported() {
        Map<String, double[][][][]> student = student(11);
        Map<String, double[][][][]> teacher = teacher(21);

        LossValue value = check(params(FspMode.PAPER), student, teacher).evaluate(arrays(student), arrays(teacher),
                LABELS);

        assertThat(value.terms()).containsOnlyKeys("pair1", "pair2");
        assertThat(value.terms().get("pair1")).isCloseTo(reference(STEM_PAIR, student, teacher, FspMode.PAPER),
                within(1e-10));
        assertThat(value.terms().get("pair2")).isCloseTo(reference(STAGE_PAIR, student, teacher, FspMode.PAPER),
                within(1e-10));
    }

    @Test
    void gradientMatchesFiniteDifferencesInBothModes() {
        Map<String, double[][][][]> student = student(12);
        Map<String, double[][][][]> teacher = teacher(22);
        for (FspMode mode : FspMode.values()) {
            double error = check(params(mode), student, teacher).maxRelativeGradientError(arrays(student),
                    arrays(teacher), LABELS, 1e-6, 1e-9);

            assertThat(error).as("%s", mode).isLessThan(1e-3);
        }
    }

    @Test
    void identicalMapsGiveZeroLossAndZeroGradient() {
        Map<String, double[][][][]> maps = student(13);
        Map<String, TensorShape> shapes = shapes(maps);
        FspParams params = new FspParams(List.of(new FspPair("s.stem", "s.stage1"), new FspPair("s.stage1",
                "s.stage2")), List.of(0.5, 2.0), FspMode.CODE);
        for (FspMode mode : FspMode.values()) {
            LossValue value = LossChecks.of(new FspDistiller(new FspParams(params.pairs(), params.weights(), mode)),
                    shapes, shapes, 2).evaluate(arrays(maps), arrays(maps), LABELS);

            assertThat(value.loss()).as("%s", mode).isCloseTo(0, within(1e-12));
            for (INDArray gradient : value.gradients().values()) {
                assertThat(gradient.amaxNumber().doubleValue()).as("%s", mode).isLessThan(1e-12);
            }
        }
    }

    @Test
    void differentChannelCountsAreShapeProblemsNamingThePairAndBothCounts() {
        FspDistiller distiller = new FspDistiller(new FspParams(List.of(new FspPair("stage1.output",
                "stage2.output"), new FspPair("stem.relu", "stage1.output"))));
        Map<String, TensorShape> student = Map.of("stem.relu", TensorShape.map(16, 32, 32), "stage1.output",
                TensorShape.map(16, 32, 32), "stage2.output", TensorShape.map(32, 16, 16));
        Map<String, TensorShape> teacher = Map.of("stem.relu", TensorShape.map(16, 32, 32), "stage1.output",
                TensorShape.map(32, 32, 32), "stage2.output", TensorShape.map(64, 16, 16));

        assertThat(distiller.shapeProblems(student, teacher)).containsExactly(
                "pair (stage1.output, stage2.output): the FSP matrices differ in shape, student 16x32 and teacher"
                        + " 32x64 channels; FSP needs the same channel counts at both ends of a pair in student and"
                        + " teacher (the paper's students are shallower with the same widths), so pair vertices of"
                        + " equal widths",
                "pair (stem.relu, stage1.output): the FSP matrices differ in shape, student 16x16 and teacher"
                        + " 16x32 channels; FSP needs the same channel counts at both ends of a pair in student and"
                        + " teacher (the paper's students are shallower with the same widths), so pair vertices of"
                        + " equal widths");
        assertThat(distiller.shapeProblems(student, student)).isEmpty();
    }

    @Test
    void vectorsAndSizesThatDoNotDivideAreShapeProblems() {
        FspDistiller distiller = new FspDistiller(new FspParams(List.of(new FspPair(List.of("a", "b"),
                List.of("a", "logits")), new FspPair("a", "c"))));
        Map<String, TensorShape> shapes = Map.of("a", TensorShape.map(4, 8, 8), "b", TensorShape.map(4, 4, 4), "c",
                TensorShape.map(4, 3, 3), "logits", TensorShape.vector(10));

        assertThat(distiller.shapeProblems(shapes, shapes)).containsExactly(
                "pair (a, b) <- (a, logits): the teacher vertex logits is a vector of 10 units, not a feature map;"
                        + " FSP needs C x H x W activations at both ends of a pair, e.g. stem.relu or stage1.output",
                "pair (a, c): the student maps have spatial sizes 8x8 (first) and 3x3 (second), which are not"
                        + " integer multiples of each other, so the larger cannot be average-pooled to the smaller;"
                        + " pick vertices whose sizes divide");
    }

    @Test
    void defineLossRejectsWrongShapesWithTheSameMessage() {
        // A model-file teacher skips shapeProblems; the loss definition checks the same rules.
        FspParams params = new FspParams(List.of(new FspPair("first", "second")));
        Map<String, TensorShape> student = Map.of("first", TensorShape.map(2, 4, 4), "second",
                TensorShape.map(3, 2, 2));
        Map<String, TensorShape> teacher = Map.of("first", TensorShape.map(2, 4, 4), "second",
                TensorShape.map(4, 2, 2));
        String problem = new FspDistiller(params).shapeProblems(student, teacher).get(0);

        assertThatThrownBy(() -> LossChecks.of(new FspDistiller(params), student, teacher, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(problem)
                .hasMessageContaining("student 2x3 and teacher 2x4 channels");
    }

    @Test
    void tapsAreEveryVertexOfEveryPair() {
        FspDistiller distiller = new FspDistiller(params(FspMode.CODE));

        assertThat(distiller.studentTaps()).containsExactly("s.stage1", "s.stage2", "s.stem");
        assertThat(distiller.teacherTaps()).containsExactly("t.stage1", "t.stage2", "t.stem");
    }

    private static FspParams params(FspMode mode) {
        return new FspParams(List.of(STEM_PAIR, STAGE_PAIR), List.of(0.5, 2.0), mode);
    }

    private static Map<String, double[][][][]> student(long seed) {
        return ordered("s.stem", FspReference.random(seed, 2, 3, 4, 4), "s.stage1",
                FspReference.random(seed + 1, 2, 2, 2, 2), "s.stage2", FspReference.random(seed + 2, 2, 4, 2, 2));
    }

    private static Map<String, double[][][][]> teacher(long seed) {
        return ordered("t.stem", FspReference.random(seed, 2, 3, 2, 2), "t.stage1",
                FspReference.random(seed + 1, 2, 2, 2, 2), "t.stage2", FspReference.random(seed + 2, 2, 4, 1, 1));
    }

    private static Map<String, double[][][][]> ordered(String firstName, double[][][][] first, String secondName,
            double[][][][] second, String thirdName, double[][][][] third) {
        Map<String, double[][][][]> maps = new LinkedHashMap<>();
        maps.put(firstName, first);
        maps.put(secondName, second);
        maps.put(thirdName, third);
        return maps;
    }

    private static double reference(FspPair pair, Map<String, double[][][][]> student,
            Map<String, double[][][][]> teacher, FspMode mode) {
        return FspReference.term(student.get(pair.studentFirst()), student.get(pair.studentSecond()),
                teacher.get(pair.teacherFirst()), teacher.get(pair.teacherSecond()), mode);
    }

    private static double value(FspParams params, Map<String, double[][][][]> student,
            Map<String, double[][][][]> teacher) {
        int[] labels = new int[student.values().iterator().next().length];
        return check(params, student, teacher).evaluate(arrays(student), arrays(teacher), labels).loss();
    }

    private static LossChecks check(FspParams params, Map<String, double[][][][]> student,
            Map<String, double[][][][]> teacher) {
        return LossChecks.of(new FspDistiller(params), shapes(student), shapes(teacher), 2);
    }

    private static Map<String, TensorShape> shapes(Map<String, double[][][][]> maps) {
        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        maps.forEach((name, values) -> shapes.put(name, TensorShape.map(values[0].length, values[0][0].length,
                values[0][0][0].length)));
        return shapes;
    }

    private static Map<String, INDArray> arrays(Map<String, double[][][][]> maps) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        maps.forEach((name, values) -> arrays.put(name, FspReference.array(values)));
        return arrays;
    }

    /** FspMatrix evaluated on its own graph, {@code [B, C1, C2]}. */
    private static INDArray matrix(double[][][][] first, double[][][][] second) {
        SameDiff sameDiff = SameDiff.create();
        TensorShape firstShape = TensorShape.map(first[0].length, first[0][0].length, first[0][0][0].length);
        TensorShape secondShape = TensorShape.map(second[0].length, second[0][0].length, second[0][0][0].length);
        SDVariable firstMaps = sameDiff.placeHolder("first", DataType.DOUBLE, firstShape.batchShape());
        SDVariable secondMaps = sameDiff.placeHolder("second", DataType.DOUBLE, secondShape.batchShape());
        SDVariable matrix = FspMatrix.of(sameDiff, firstMaps, firstShape, secondMaps, secondShape);
        return sameDiff.output(Map.of("first", FspReference.array(first), "second", FspReference.array(second)),
                matrix.name()).get(matrix.name());
    }

    private static void assertMatrix(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("row %d", i).containsExactly(expected[i], within(1e-12));
        }
    }
}
