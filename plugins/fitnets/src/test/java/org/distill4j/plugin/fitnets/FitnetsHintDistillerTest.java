package org.distill4j.plugin.fitnets;

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

class FitnetsHintDistillerTest {

    private static final int[] LABELS = {0, 1};
    // The student's 5x4 maps regress to the teacher's 3x2 with a 3x3 kernel, 3 channels to 2.
    private static final TensorShape GUIDED = TensorShape.map(3, 5, 4);
    private static final TensorShape HINT = TensorShape.map(2, 3, 2);

    @Test
    void aHandComputedValueInBothReductions() {
        // v = [1, 2] (one channel, 1x2), u = [3] (1x1): the kernel is 1x2. With weights [0.5, 1] and bias 0.25,
        // r(v) = 0.5 + 2 + 0.25 = 2.75, so u - r(v) = 0.25 and its square 0.0625.
        Map<String, INDArray> student = Map.of("v", Nd4j.createFromArray(new double[][][][] {{{{1, 2}}}}));
        Map<String, INDArray> teacher = Map.of("u", Nd4j.createFromArray(new double[][][][] {{{{3}}}}));
        for (HintReduction reduction : HintReduction.values()) {
            LossChecks checks = LossChecks.of(distiller("v", "u", reduction), Map.of("v", TensorShape.map(1, 1, 2)),
                    Map.of("u", TensorShape.map(1, 1, 1)), 2);
            checks.setParameter("regressor.weight", Nd4j.createFromArray(new double[][][][] {{{{0.5}}, {{1}}}}));
            checks.setParameter("regressor.bias", Nd4j.createFromArray(0.25));

            double expected = reduction == HintReduction.PAPER ? 0.5 * 0.0625 : 0.0625;
            assertThat(checks.evaluate(student, teacher, new int[] {0}).loss()).as("%s", reduction)
                    .isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void bothReductionsMatchTheLoopReferenceThroughAConvolutionRegressor() {
        double[][][][] student = HintReference.random(1, 2, 3, 5, 4);
        double[][][][] teacher = HintReference.random(2, 2, 2, 3, 2);
        double[] flatWeight = HintReference.random(3, 3 * 3 * 3 * 2);
        double[] bias = HintReference.random(4, 2);
        for (HintReduction reduction : HintReduction.values()) {
            LossChecks checks = mapChecks(reduction);
            checks.setParameter("regressor.weight", Nd4j.create(flatWeight, new long[] {3, 3, 3, 2}, DataType.DOUBLE));
            checks.setParameter("regressor.bias", Nd4j.createFromArray(bias));

            double expected = HintReference.mapLoss(student, teacher, HintReference.kernel(flatWeight, 3, 3, 3, 2),
                    bias, reduction);
            assertThat(checks.evaluate(Map.of("s", HintReference.array(student)), Map.of("t",
                    HintReference.array(teacher)), LABELS).loss()).as("%s", reduction)
                    .isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void repDistillersConvRegMatchesTheLoopReferenceAndItsGradientsFiniteDifferences() {
        double[][][][] student = HintReference.random(11, 3, 2, 5, 3);
        double[][][][] teacher = HintReference.random(12, 3, 2, 3, 2);
        double[] flatWeight = HintReference.random(13, 3 * 2 * 2 * 2);
        double[] bias = HintReference.random(14, 2);
        double[] gamma = {1.3, 0.7};
        double[] beta = {0.2, -0.1};
        for (HintReduction reduction : HintReduction.values()) {
            LossChecks checks = LossChecks.of(new FitnetsHintDistiller(new FitnetsHintParams("s", "t",
                    HintRegressor.CONV_BN_RELU, reduction)), Map.of("s", TensorShape.map(2, 5, 3)),
                    Map.of("t", TensorShape.map(2, 3, 2)), 2);
            checks.setParameter("regressor.weight", Nd4j.create(flatWeight, new long[] {3, 2, 2, 2}, DataType.DOUBLE));
            checks.setParameter("regressor.bias", Nd4j.createFromArray(bias));
            checks.setParameter("regressor.gamma", Nd4j.createFromArray(gamma));
            checks.setParameter("regressor.beta", Nd4j.createFromArray(beta));
            Map<String, INDArray> studentTap = Map.of("s", HintReference.array(student));
            Map<String, INDArray> teacherTap = Map.of("t", HintReference.array(teacher));

            double expected = HintReference.convRegLoss(student, teacher, HintReference.kernel(flatWeight, 3, 2, 2,
                    2), bias, gamma, beta, reduction);
            assertThat(checks.parameters()).containsOnlyKeys("regressor.weight", "regressor.bias", "regressor.gamma",
                    "regressor.beta");
            assertThat(checks.evaluate(studentTap, teacherTap, LABELS).loss()).as("%s", reduction)
                    .isCloseTo(expected, within(1e-10));
            assertThat(checks.maxRelativeGradientError(studentTap, teacherTap, LABELS, 1e-6, 1e-9)).as("%s",
                    reduction).isLessThan(1e-3);
        }
    }

    @Test
    void convRegRefusesVectorsAndMapsTwiceOrHalfTheSize() {
        FitnetsHintParams convReg = new FitnetsHintParams("s", "t", HintRegressor.CONV_BN_RELU, HintReduction.CODE);

        assertThat(HintShapes.problem(convReg, TensorShape.vector(4), TensorShape.vector(3))).get().asString()
                .contains("regressor conv-bn-relu is RepDistiller's ConvReg, a convolution between feature maps");
        assertThat(HintShapes.problem(convReg, TensorShape.map(2, 8, 8), TensorShape.map(2, 4, 4))).get().asString()
                .contains("twice or half the height").contains("stride-2 or transposed convolution");
        assertThat(HintShapes.problem(convReg, TensorShape.map(2, 8, 8), TensorShape.map(4, 8, 8))).isEmpty();
        assertThat(HintShapes.problem(convReg, TensorShape.map(2, 9, 9), TensorShape.map(4, 6, 6))).isEmpty();
    }

    @Test
    void vectorsMatchTheLoopReferenceThroughADenseRegressor() {
        double[][] student = {{0.3, -1.2, 0.8, 2.0}, {1.1, 0.4, -0.6, 0.1}};
        double[][] teacher = {{1.0, -0.5, 0.2}, {0.0, 0.7, -1.3}};
        double[][] weight = {{0.2, -0.4, 0.1}, {0.5, 0.3, -0.2}, {-0.1, 0.6, 0.4}, {0.3, 0.0, -0.5}};
        double[] bias = {0.1, -0.2, 0.3};
        for (HintReduction reduction : HintReduction.values()) {
            LossChecks checks = vectorChecks(reduction);
            checks.setParameter("regressor.weight", Nd4j.createFromArray(weight));
            checks.setParameter("regressor.bias", Nd4j.createFromArray(bias));

            double expected = HintReference.vectorLoss(student, teacher, weight, bias, reduction);
            assertThat(checks.evaluate(Map.of("s", HintReference.array(student)), Map.of("t",
                    HintReference.array(teacher)), LABELS).loss()).as("%s", reduction)
                    .isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void gradientsForTheTapAndTheRegressorMatchFiniteDifferences() {
        // Smaller maps than the golden values' keep the number of finite differences down: a 3x2 kernel, 2 to 2.
        Map<String, INDArray> mapStudent = Map.of("s", HintReference.array(HintReference.random(5, 2, 2, 4, 3)));
        Map<String, INDArray> mapTeacher = Map.of("t", HintReference.array(HintReference.random(6, 2, 2, 2, 2)));
        Map<String, INDArray> vectorStudent = Map.of("s", Nd4j.create(HintReference.random(7, 8), new long[] {2, 4},
                DataType.DOUBLE));
        Map<String, INDArray> vectorTeacher = Map.of("t", Nd4j.create(HintReference.random(8, 6), new long[] {2, 3},
                DataType.DOUBLE));
        for (HintReduction reduction : HintReduction.values()) {
            LossChecks maps = LossChecks.of(distiller("s", "t", reduction), Map.of("s", TensorShape.map(2, 4, 3)),
                    Map.of("t", TensorShape.map(2, 2, 2)), 2);
            LossChecks vectors = vectorChecks(reduction);
            // The bias starts at zero: move it off so its gradient is checked at a generic point.
            maps.setParameter("regressor.bias", Nd4j.createFromArray(0.3, -0.7));
            vectors.setParameter("regressor.bias", Nd4j.createFromArray(0.3, -0.7, 0.2));

            assertThat(maps.parameters()).containsOnlyKeys("regressor.weight", "regressor.bias");
            assertThat(maps.maxRelativeGradientError(mapStudent, mapTeacher, LABELS, 1e-6, 1e-9)).as("maps %s",
                    reduction).isLessThan(1e-3);
            assertThat(vectors.maxRelativeGradientError(vectorStudent, vectorTeacher, LABELS, 1e-6, 1e-9))
                    .as("vectors %s", reduction).isLessThan(1e-3);
        }
    }

    @Test
    void anIdentityRegressorOnEqualMapsGivesZeroLossAndZeroGradients() {
        // Equal sizes make the kernel 1x1; weight[0][0] = I maps every channel to itself.
        TensorShape shape = TensorShape.map(3, 4, 4);
        INDArray maps = HintReference.array(HintReference.random(9, 2, 3, 4, 4));
        for (HintReduction reduction : HintReduction.values()) {
            LossChecks checks = LossChecks.of(distiller("s", "t", reduction), Map.of("s", shape), Map.of("t", shape),
                    2);
            checks.setParameter("regressor.weight", Nd4j.eye(3).castTo(DataType.DOUBLE).reshape(1, 1, 3, 3));
            checks.setParameter("regressor.bias", Nd4j.zeros(DataType.DOUBLE, 3));

            LossValue value = checks.evaluate(Map.of("s", maps), Map.of("t", maps), LABELS);

            assertThat(value.loss()).as("%s", reduction).isCloseTo(0, within(1e-12));
            assertThat(value.gradients().get("s").amaxNumber().doubleValue()).isLessThan(1e-12);
            assertThat(value.parameterGradients()).containsOnlyKeys("regressor.weight", "regressor.bias");
            for (INDArray gradient : value.parameterGradients().values()) {
                assertThat(gradient.amaxNumber().doubleValue()).as("%s", reduction).isLessThan(1e-12);
            }
        }
    }

    @Test
    void theRegressorIsAHeNormalKernelOfTheSizeDifferenceWithAZeroBias() {
        Map<String, INDArray> parameters = mapChecks(HintReduction.PAPER).parameters();

        assertThat(parameters.get("regressor.weight").shape()).containsExactly(3, 3, 3, 2);
        assertThat(parameters.get("regressor.bias").shape()).containsExactly(2);
        assertThat(parameters.get("regressor.bias").amaxNumber().doubleValue()).isZero();
        assertThat(parameters.get("regressor.weight").amaxNumber().doubleValue()).isGreaterThan(0);
        assertThat(vectorChecks(HintReduction.PAPER).parameters().get("regressor.weight").shape())
                .containsExactly(4, 3);
    }

    @Test
    void aStudentMapSmallerThanTheHintIsAShapeProblemNamingBothTaps() {
        FitnetsHintDistiller distiller = new FitnetsHintDistiller(new FitnetsHintParams("stage3.output",
                "stage2.output", HintRegressor.CONV, HintReduction.PAPER));
        Map<String, TensorShape> student = Map.of("stage3.output", TensorShape.map(64, 8, 8));
        Map<String, TensorShape> teacher = Map.of("stage2.output", TensorShape.map(32, 16, 16));

        assertThat(distiller.shapeProblems(student, teacher)).containsExactly("the student's guided vertex"
                + " stage3.output (64x8x8) is smaller than the teacher's hint vertex stage2.output (32x16x16) in"
                + " height or width; the regressor is a convolution without padding of kernel (Hs-Ht+1)x(Ws-Wt+1),"
                + " which cannot enlarge a map, so guide an earlier student vertex (at least 16x16) or hint from a"
                + " later teacher vertex");
    }

    @Test
    void aMapAgainstAVectorIsAShapeProblem() {
        FitnetsHintDistiller distiller = distiller("stage2.output", "logits", HintReduction.PAPER);
        Map<String, TensorShape> student = Map.of("stage2.output", TensorShape.map(32, 16, 16));
        Map<String, TensorShape> teacher = Map.of("logits", TensorShape.vector(10));

        assertThat(distiller.shapeProblems(student, teacher)).containsExactly("the student's guided vertex"
                + " stage2.output is a feature map 32x16x16 but the teacher's hint vertex logits is a vector of 10"
                + " units; the regressor maps a feature map to a feature map (a convolution) or a vector to a vector"
                + " (a dense map), so tap two feature maps (e.g. stage2.output in both) or two vectors");
    }

    @Test
    void largerOrEqualStudentMapsAndTwoVectorsAreFine() {
        FitnetsHintDistiller distiller = distiller("s", "t", HintReduction.PAPER);

        assertThat(distiller.shapeProblems(Map.of("s", TensorShape.map(16, 32, 32)),
                Map.of("t", TensorShape.map(64, 8, 8)))).isEmpty();
        assertThat(distiller.shapeProblems(Map.of("s", TensorShape.map(16, 8, 8)),
                Map.of("t", TensorShape.map(64, 8, 8)))).isEmpty();
        assertThat(distiller.shapeProblems(Map.of("s", TensorShape.vector(4)), Map.of("t", TensorShape.vector(9))))
                .isEmpty();
        // A tap the network lacks is the kernel's problem to report, not a shape problem.
        assertThat(distiller.shapeProblems(Map.of(), Map.of("t", TensorShape.vector(9)))).isEmpty();
    }

    @Test
    void defineLossRejectsWrongShapesWithTheSameMessage() {
        // A model-file teacher skips shapeProblems; the loss definition checks the same rules.
        FitnetsHintDistiller distiller = distiller("s", "t", HintReduction.CODE);
        Map<String, TensorShape> student = Map.of("s", TensorShape.map(8, 4, 4));
        Map<String, TensorShape> teacher = Map.of("t", TensorShape.map(8, 4, 5));
        String problem = distiller.shapeProblems(student, teacher).get(0);

        assertThatThrownBy(() -> LossChecks.of(distiller, student, teacher, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(problem)
                .hasMessageContaining("(8x4x4) is smaller than the teacher's hint vertex t (8x4x5)");
    }

    @Test
    void tapsAreTheGuidedAndTheHintVertexAndTheTeacherDefaultsToTheStudentsName() {
        FitnetsHintDistiller distiller = distiller("stage1.output", "stage2.output", HintReduction.PAPER);
        FitnetsHintDistiller sameName = new FitnetsHintDistiller(new FitnetsHintParams("stage2.output"));

        assertThat(distiller.studentTaps()).containsExactly("stage1.output");
        assertThat(distiller.teacherTaps()).containsExactly("stage2.output");
        assertThat(sameName.teacherTaps()).containsExactly("stage2.output");
    }

    private static FitnetsHintDistiller distiller(String student, String teacher, HintReduction reduction) {
        return new FitnetsHintDistiller(new FitnetsHintParams(student, teacher, HintRegressor.CONV, reduction));
    }

    private static LossChecks mapChecks(HintReduction reduction) {
        return LossChecks.of(distiller("s", "t", reduction), Map.of("s", GUIDED), Map.of("t", HINT), 2);
    }

    private static LossChecks vectorChecks(HintReduction reduction) {
        return LossChecks.of(distiller("s", "t", reduction), Map.of("s", TensorShape.vector(4)),
                Map.of("t", TensorShape.vector(3)), 2);
    }
}
