package org.distill4j.plugin.activationboundaries;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.activationboundaries.ActivationBoundariesReference.array;
import static org.distill4j.plugin.activationboundaries.ActivationBoundariesReference.random;

class ActivationBoundariesDistillerTest {

    private static final int[] LABELS = {0, 1, 0};
    // Pair 1 goes through a connector (3 student channels to 2 teacher channels at 3x3); pair 2 has equal channel
    // counts (2 at 2x2) and none, as in both references.
    private static final TensorShape STUDENT_ONE = TensorShape.map(3, 3, 3);
    private static final TensorShape TEACHER_ONE = TensorShape.map(2, 3, 3);
    private static final TensorShape TWO = TensorShape.map(2, 2, 2);
    private static final List<ActivationBoundariesPair> PAIRS = List.of(
            new ActivationBoundariesPair("s1", "t1"), new ActivationBoundariesPair("s2", "t2"));

    @Test
    void matchesTheLoopReferenceWithSetConnectorValues() {
        double[][][][] student1 = scaled(random(1, 3, 3, 3, 3), 1.5);
        double[][][][] teacher1 = random(2, 3, 2, 3, 3);
        double[][][][] student2 = scaled(random(3, 3, 2, 2, 2), 1.5);
        double[][][][] teacher2 = random(4, 3, 2, 2, 2);
        double[][] weight = random(5, 3, 2);
        double[] gamma = {1.3, 0.7};
        double[] beta = {0.2, -0.4};
        for (ActivationBoundariesParams params : List.of(new ActivationBoundariesParams(PAIRS),
                new ActivationBoundariesParams(PAIRS, List.of(2.0, 0.3), 0.5, 4, ActivationBoundariesMode.REPDISTILLER))) {
            LossChecks checks = checks(params);
            setConnector(checks, weight, gamma, beta);

            double term1 = ActivationBoundariesReference.pairTerm(
                    ActivationBoundariesReference.connect(student1, weight, gamma, beta), teacher1, params.margin());
            double term2 = ActivationBoundariesReference.pairTerm(student2, teacher2, params.margin());
            double expected = params.beta() * 3 / 1000 * (params.weights().get(0) * term1
                    + params.weights().get(1) * term2);
            LossValue value = checks.evaluate(Map.of("s1", array(student1), "s2", array(student2)),
                    Map.of("t1", array(teacher1), "t2", array(teacher2)), LABELS);

            assertThat(term1).isGreaterThan(1);
            assertThat(term2).isGreaterThan(1);
            assertThat(value.loss()).as("margin %s", params.margin()).isCloseTo(expected, within(1e-10));
            assertThat(value.terms().get("pair1")).isCloseTo(term1, within(1e-10));
            assertThat(value.terms().get("pair2")).isCloseTo(term2, within(1e-10));
        }
    }

    @Test
    void aHandComputedValueWithoutConnector() {
        // Margin 1, one sample of four elements: t > 0 with s = 0.5 gives (0.5 - 1)^2 = 0.25; t <= 0 (here t = 0)
        // with s = 0.5 gives (0.5 + 1)^2 = 2.25; t > 0 with s = 2 and t < 0 with s = -3 give nothing.
        // The single pair has weight 2^0 = 1, so L = 3/1000 * 2.5.
        ActivationBoundariesParams params = new ActivationBoundariesParams(List.of(
                new ActivationBoundariesPair("s", "t")));
        LossChecks checks = LossChecks.of(new ActivationBoundariesDistiller(params),
                Map.of("s", TensorShape.map(1, 2, 2)), Map.of("t", TensorShape.map(1, 2, 2)), 2);
        INDArray student = Nd4j.createFromArray(new double[][][][] {{{{0.5, 0.5}, {2, -3}}}});
        INDArray teacher = Nd4j.createFromArray(new double[][][][] {{{{1, 0}, {4, -1}}}});

        LossValue value = checks.evaluate(Map.of("s", student), Map.of("t", teacher), new int[] {0});

        assertThat(value.loss()).isCloseTo(0.003 * 2.5, within(1e-15));
        assertThat(value.terms().get("pair1.agreement")).isCloseTo(0.75, within(1e-15));
        // d/ds: 2 (s - 1) = -1 and 2 (s + 1) = 3 at the first two elements, times 3/1000.
        assertThat(value.gradients().get("s").reshape(4).toDoubleVector())
                .containsExactly(new double[] {-0.003, 0.009, 0, 0}, within(1e-15));
    }

    @Test
    void aStudentBeyondTheMarginOnTheTeachersSideHasZeroLossAndGradient() {
        double[][][][] teacher1 = random(6, 3, 2, 3, 3);
        double[][][][] teacher2 = random(7, 3, 2, 2, 2);
        // Pair 2 without connector: the student is the teacher's sign times (margin + 0.1 .. margin + 2).
        double[][][][] student2 = beyondMargin(teacher2, 1.0, 8);
        // Pair 1 through a connector that copies the first two student channels with gamma 1, beta 0: the batch
        // norm standardises them, so they are set to a standardised map scaled by a large gamma instead.
        double[][][][] student1 = random(9, 3, 3, 3, 3);
        double[][] weight = {{1, 0}, {0, 1}, {0, 0}};
        double[] gamma = {1, 1};
        double[] beta = {0, 0};
        double[][][][] connected = ActivationBoundariesReference.connect(student1, weight, gamma, beta);
        // Flip the teacher to the connected map's signs and keep the elements beyond the margin: those near zero
        // are moved beyond it by choosing gamma large enough for every element's magnitude.
        double smallest = Double.POSITIVE_INFINITY;
        for (int b = 0; b < 3; b++) {
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 3; x++) {
                        teacher1[b][c][y][x] = connected[b][c][y][x] > 0 ? 0.5 : -0.5;
                        smallest = Math.min(smallest, Math.abs(connected[b][c][y][x]));
                    }
                }
            }
        }
        double scale = 1.1 / smallest;
        LossChecks checks = checks(new ActivationBoundariesParams(PAIRS));
        setConnector(checks, weight, new double[] {scale, scale}, beta);

        LossValue value = checks.evaluate(Map.of("s1", array(student1), "s2", array(student2)),
                Map.of("t1", array(teacher1), "t2", array(teacher2)), LABELS);

        assertThat(value.loss()).isZero();
        assertThat(value.terms().get("pair1.agreement")).isEqualTo(1.0);
        assertThat(value.terms().get("pair2.agreement")).isEqualTo(1.0);
        assertThat(value.gradients().get("s1").amaxNumber().doubleValue()).isZero();
        assertThat(value.gradients().get("s2").amaxNumber().doubleValue()).isZero();
        for (INDArray gradient : value.parameterGradients().values()) {
            assertThat(gradient.amaxNumber().doubleValue()).isZero();
        }
    }

    @Test
    void atTheKinksTheLossAndGradientAreTheReferenceConditionsValues() {
        // The reference counts s = m with t > 0 as inside the hinge ((s - m)^2 = 0, gradient 2 (s - m) = 0) and
        // s = -m with t <= 0 as outside: both are 0, and so is the relu form's value and gradient there. On the wrong
        // side of zero the same points cost (2m)^2.
        double margin = 0.75;
        LossChecks checks = LossChecks.of(new ActivationBoundariesDistiller(new ActivationBoundariesParams(List.of(
                new ActivationBoundariesPair("s", "t")), null, margin, 1, ActivationBoundariesMode.CODE)),
                Map.of("s", TensorShape.map(1, 1, 4)), Map.of("t", TensorShape.map(1, 1, 4)), 2);
        INDArray student = Nd4j.createFromArray(new double[][][][] {{{{margin, -margin, margin, -margin}}}});
        INDArray teacher = Nd4j.createFromArray(new double[][][][] {{{{1, -1, -1, 1}}}});

        LossValue value = checks.evaluate(Map.of("s", student), Map.of("t", teacher), new int[] {0});

        double reference = ActivationBoundariesReference.pairTerm(new double[][][][] {{{{margin, -margin, margin,
                -margin}}}}, new double[][][][] {{{{1, -1, -1, 1}}}}, margin);
        assertThat(reference).isEqualTo(2 * 4 * margin * margin);
        assertThat(value.loss()).isCloseTo(0.003 * reference, within(1e-15));
        assertThat(value.gradients().get("s").reshape(4).toDoubleVector())
                .containsExactly(new double[] {0, 0, 0.003 * 4 * margin, -0.003 * 4 * margin}, within(1e-15));
    }

    @Test
    void gradientsForTheTapsAndTheConnectorMatchFiniteDifferencesAwayFromTheKinks() {
        double[][][][] student1 = random(11, 3, 3, 3, 3);
        double[][][][] teacher1 = random(12, 3, 2, 3, 3);
        double[][][][] student2 = scaled(random(13, 3, 2, 2, 2), 1.5);
        double[][][][] teacher2 = random(14, 3, 2, 2, 2);
        double[][] weight = random(15, 3, 2);
        double[] gamma = {1.3, 0.7};
        double[] beta = {0.2, -0.4};
        for (ActivationBoundariesMode mode : ActivationBoundariesMode.values()) {
            ActivationBoundariesParams params = new ActivationBoundariesParams(PAIRS, null, 1, 1, mode);
            LossChecks checks = checks(params);
            setConnector(checks, weight, gamma, beta);
            // Finite differences of step 1e-6 stay on one side of every kink.
            assertThat(ActivationBoundariesReference.distanceToKinks(
                    ActivationBoundariesReference.connect(student1, weight, gamma, beta), 1)).isGreaterThan(1e-3);
            assertThat(ActivationBoundariesReference.distanceToKinks(student2, 1)).isGreaterThan(1e-3);

            assertThat(checks.parameters()).containsOnlyKeys("connector1.weight", "connector1.gamma",
                    "connector1.beta");
            assertThat(checks.maxRelativeGradientError(Map.of("s1", array(student1), "s2", array(student2)),
                    Map.of("t1", array(teacher1), "t2", array(teacher2)), LABELS, 1e-6, 1e-10)).as("%s", mode)
                    .isLessThan(1e-4);
        }
    }

    @Test
    void theConnectorStartsAsTheModeSaysWithAnIdentityBatchNorm() {
        for (ActivationBoundariesMode mode : ActivationBoundariesMode.values()) {
            Map<String, INDArray> parameters = checks(new ActivationBoundariesParams(PAIRS, null, 1, 1, mode))
                    .parameters();

            assertThat(parameters.get("connector1.weight").shape()).containsExactly(1, 1, 3, 2);
            assertThat(parameters.get("connector1.weight").amaxNumber().doubleValue()).isGreaterThan(0);
            assertThat(parameters.get("connector1.gamma").toDoubleVector()).containsExactly(1, 1);
            assertThat(parameters.get("connector1.beta").toDoubleVector()).containsExactly(0, 0);
        }
    }

    @Test
    void mapsOfDifferentSizesAndVectorsAreShapeProblemsNamingThePair() {
        ActivationBoundariesDistiller distiller = new ActivationBoundariesDistiller(new ActivationBoundariesParams(
                List.of(new ActivationBoundariesPair("stage3.block1.bn1", "stage2.block1.bn1"),
                        new ActivationBoundariesPair("pool", "bn"))));
        Map<String, TensorShape> student = Map.of("stage3.block1.bn1", TensorShape.map(32, 8, 8),
                "pool", TensorShape.vector(64));
        Map<String, TensorShape> teacher = Map.of("stage2.block1.bn1", TensorShape.map(64, 16, 16),
                "bn", TensorShape.map(128, 8, 8));

        assertThat(distiller.shapeProblems(student, teacher)).containsExactly(
                "pair stage3.block1.bn1 <- stage2.block1.bn1: the student map 32x8x8 and the teacher map 64x16x16"
                        + " differ in height or width; the 1x1 connector maps channels only, so pair vertices of the"
                        + " same resolution (e.g. the same stage of both networks)",
                "pair pool <- bn: the student vertex is a vector of 64 units and the teacher vertex a feature map"
                        + " 128x8x8; ab compares pre-activation feature maps through a 1x1 convolution connector, so"
                        + " tap C x H x W maps before a ReLU, e.g. a batch-norm vertex such as stage2.block1.bn1");
        // Different channel counts are the connector's job; a missing tap is the kernel's to report.
        assertThat(distiller.shapeProblems(Map.of("stage3.block1.bn1", TensorShape.map(32, 8, 8)),
                Map.of("stage2.block1.bn1", TensorShape.map(64, 8, 8)))).isEmpty();
    }

    @Test
    void defineLossRejectsWrongShapesWithTheSameMessage() {
        // A model-file teacher skips shapeProblems; the loss definition checks the same rules.
        ActivationBoundariesDistiller distiller = new ActivationBoundariesDistiller(new ActivationBoundariesParams(
                List.of(new ActivationBoundariesPair("s", "t"))));
        Map<String, TensorShape> student = Map.of("s", TensorShape.map(4, 4, 4));
        Map<String, TensorShape> teacher = Map.of("t", TensorShape.map(8, 4, 5));
        String problem = distiller.shapeProblems(student, teacher).get(0);

        assertThatThrownBy(() -> LossChecks.of(distiller, student, teacher, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(problem);
    }

    @Test
    void tapsAreThePairsVertices() {
        ActivationBoundariesDistiller distiller = new ActivationBoundariesDistiller(new ActivationBoundariesParams(
                PAIRS));

        assertThat(distiller.studentTaps()).containsExactly("s1", "s2");
        assertThat(distiller.teacherTaps()).containsExactly("t1", "t2");
    }

    private static LossChecks checks(ActivationBoundariesParams params) {
        return LossChecks.of(new ActivationBoundariesDistiller(params), Map.of("s1", STUDENT_ONE, "s2", TWO),
                Map.of("t1", TEACHER_ONE, "t2", TWO), 2);
    }

    private static void setConnector(LossChecks checks, double[][] weight, double[] gamma, double[] beta) {
        checks.setParameter("connector1.weight", ActivationBoundariesReference.kernel(weight));
        checks.setParameter("connector1.gamma", Nd4j.createFromArray(gamma));
        checks.setParameter("connector1.beta", Nd4j.createFromArray(beta));
    }

    private static double[][][][] scaled(double[][][][] values, double factor) {
        for (double[][][] sample : values) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (int x = 0; x < row.length; x++) {
                        row[x] *= factor;
                    }
                }
            }
        }
        return values;
    }

    /** The teacher's sign (t <= 0 counts as off) times a magnitude between margin + 0.1 and margin + 2. */
    private static double[][][][] beyondMargin(double[][][][] teacher, double margin, long seed) {
        double[][][][] magnitudes = random(seed, teacher.length, teacher[0].length, teacher[0][0].length,
                teacher[0][0][0].length);
        for (int b = 0; b < teacher.length; b++) {
            for (int c = 0; c < teacher[b].length; c++) {
                for (int y = 0; y < teacher[b][c].length; y++) {
                    for (int x = 0; x < teacher[b][c][y].length; x++) {
                        double magnitude = margin + 0.1 + Math.min(1.9, Math.abs(magnitudes[b][c][y][x]));
                        magnitudes[b][c][y][x] = teacher[b][c][y][x] > 0 ? magnitude : -magnitude;
                    }
                }
            }
        }
        return magnitudes;
    }
}
