package org.distill4j.plugin.factortransfer;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.factortransfer.FactorTransferReference.array;
import static org.distill4j.plugin.factortransfer.FactorTransferReference.random;

class FtDistillerTest {

    private static final int[] LABELS = {0, 1, 0};
    // Student 3 channels, teacher 4 (factor 2 at rate 0.5).
    private static final FactorTransferReference.Layers ENCODER = FactorTransferReference.layers(200,
            FactorTransferLayers.encoderChannels(4, 2), 0.3);
    private static final FactorTransferReference.Layers TRANSLATOR = FactorTransferReference.layers(300,
            new int[][] {{3, 3}, {3, 2}, {2, 2}}, 0.3);
    private static final double[][] GAMMA = {{1.2, 0.8, 1.0}, {0.9, 1.1}, {1.3, 0.7}};
    private static final double[][] BETA = {{0.1, -0.2, 0.0}, {0.3, -0.1}, {0.2, 0.05}};

    @Test
    void matchesTheLoopReferenceInTheAuthorsMode() {
        double[][][][] student = random(1, 3, 3, 4, 4, 1.0);
        double[][][][] teacher = random(2, 3, 4, 4, 4, 1.0);
        for (double p2 : new double[] {1, 2}) {
            FtParams params = new FtParams("s", "t", 0.5, 7.0, 2, p2, 0.1, FactorTransferMode.AUTHORS);
            LossChecks checks = checks(params, TensorShape.map(3, 4, 4), TensorShape.map(4, 4, 4));
            setTranslator(checks, FactorTransferMode.AUTHORS);

            double distance = FactorTransferReference.distance(
                    FactorTransferReference.authorsFactor(FactorTransferReference.translate(student, TRANSLATOR,
                            null, null, 0.1)),
                    FactorTransferReference.authorsFactor(FactorTransferReference.encode(teacher, ENCODER, 0.1)), p2);
            LossValue value = checks.evaluate(Map.of("s", array(student)), Map.of("t", array(teacher)), LABELS);

            assertThat(distance).isGreaterThan(0.01);
            assertThat(value.terms().get("distance")).as("p2 %s", p2).isCloseTo(distance, within(1e-10));
            assertThat(value.loss()).isCloseTo(7 * distance, within(1e-9));
        }
    }

    @Test
    void matchesTheLoopReferenceInRepDistillersModeWithAndWithoutPooling() {
        // Same sizes; the student's 4x4 pooled to the teacher's 2x2; the teacher's 4x4 pooled to the student's 2x2.
        int[][] sizes = {{4, 4}, {4, 2}, {2, 4}};
        for (int[] size : sizes) {
            double[][][][] student = random(3, 3, 3, size[0], size[0], 1.0);
            double[][][][] teacher = random(4, 3, 4, size[1], size[1], 1.0);
            FtParams params = new FtParams("s", "t", 0.5, null, 2, 1, 0.1, FactorTransferMode.REPDISTILLER);
            LossChecks checks = checks(params, TensorShape.map(3, size[0], size[0]),
                    TensorShape.map(4, size[1], size[1]));
            setTranslator(checks, FactorTransferMode.REPDISTILLER);

            double[][][][] studentFactor = FactorTransferReference.translate(student, TRANSLATOR, GAMMA, BETA, 0.1);
            double[][][][] teacherFactor = FactorTransferReference.encode(teacher, ENCODER, 0.1);
            int smaller = Math.min(size[0], size[1]);
            if (size[0] > smaller) {
                studentFactor = FactorTransferReference.pool(studentFactor, smaller);
            }
            if (size[1] > smaller) {
                teacherFactor = FactorTransferReference.pool(teacherFactor, smaller);
            }
            double distance = FactorTransferReference.distance(
                    FactorTransferReference.repDistillerFactor(studentFactor, 2),
                    FactorTransferReference.repDistillerFactor(teacherFactor, 2), 1);
            LossValue value = checks.evaluate(Map.of("s", array(student)), Map.of("t", array(teacher)), LABELS);

            assertThat(distance).isGreaterThan(0.01);
            assertThat(value.terms().get("distance")).as("%sx%s", size[0], size[1]).isCloseTo(distance,
                    within(1e-10));
            assertThat(value.loss()).as("beta 200 by default").isCloseTo(200 * distance, within(1e-8));
        }
    }

    @Test
    void gradientsForTheStudentAndTheTranslatorMatchFiniteDifferences() {
        double[][][][] student = random(5, 3, 3, 4, 4, 1.0);
        double[][][][] teacher = random(6, 3, 4, 4, 4, 1.0);
        for (FactorTransferMode mode : FactorTransferMode.values()) {
            LossChecks checks = checks(new FtParams("s", "t", 0.5, 1.0, 2, 1, 0.1, mode), TensorShape.map(3, 4, 4),
                    TensorShape.map(4, 4, 4));
            setTranslator(checks, mode);

            assertThat(checks.maxRelativeGradientError(Map.of("s", array(student)), Map.of("t", array(teacher)),
                    LABELS, 1e-6, 1e-10)).as("%s", mode).isLessThan(1e-4);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesThroughThePooling() {
        double[][][][] student = random(7, 3, 3, 4, 4, 1.0);
        double[][][][] teacher = random(8, 3, 4, 2, 2, 1.0);
        LossChecks checks = checks(new FtParams("s", "t", 0.5, 1.0, 2, 1, 0.1, FactorTransferMode.REPDISTILLER),
                TensorShape.map(3, 4, 4), TensorShape.map(4, 2, 2));
        setTranslator(checks, FactorTransferMode.REPDISTILLER);

        assertThat(checks.maxRelativeGradientError(Map.of("s", array(student)), Map.of("t", array(teacher)), LABELS,
                1e-6, 1e-10)).isLessThan(1e-4);
    }

    @Test
    void readsTheParaphraserFixedAndTrainsOnlyTheTranslator() {
        double[][][][] student = random(9, 3, 3, 4, 4, 1.0);
        double[][][][] teacher = random(10, 3, 4, 4, 4, 1.0);
        for (FactorTransferMode mode : FactorTransferMode.values()) {
            LossChecks checks = checks(new FtParams("s", "t", 0.5, 1.0, 2, 1, 0.1, mode), TensorShape.map(3, 4, 4),
                    TensorShape.map(4, 4, 4));
            setTranslator(checks, mode);

            LossValue value = checks.evaluate(Map.of("s", array(student)), Map.of("t", array(teacher)), LABELS);

            assertThat(value.parameterGradients().keySet()).as("%s", mode)
                    .allSatisfy(name -> assertThat(name).startsWith("translator."))
                    .hasSize(mode == FactorTransferMode.AUTHORS ? 6 : 9);
            assertThat(checks.parameters().keySet()).noneMatch(name -> name.startsWith("paraphraser"));
            // It does read the paraphraser: other encoder weights give another loss.
            FactorTransferReference.Layers other = FactorTransferReference.layers(400,
                    FactorTransferLayers.encoderChannels(4, 2), 0.3);
            for (int l = 0; l < 3; l++) {
                checks.withTrainedParameter(FactorTransferLayers.weight(FactorTransferLayers.encoder(l + 1)),
                        array(other.w()[l]));
            }
            assertThat(checks.evaluate(Map.of("s", array(student)), Map.of("t", array(teacher)), LABELS).loss())
                    .isNotCloseTo(value.loss(), within(1e-6));
        }
    }

    @Test
    void theTranslatorHasTheSharedNamesAndShapes() {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> authors = checks(new FtParams("s", "t", 0.5, null, 2, 1,
                0.1, FactorTransferMode.AUTHORS), TensorShape.map(3, 4, 4), TensorShape.map(4, 4, 4)).parameters();
        assertThat(authors).containsOnlyKeys("translator.conv1.weight", "translator.conv1.bias",
                "translator.conv2.weight", "translator.conv2.bias", "translator.conv3.weight",
                "translator.conv3.bias");
        assertThat(authors.get("translator.conv1.weight").shape()).containsExactly(3, 3, 3, 3);
        assertThat(authors.get("translator.conv2.weight").shape()).containsExactly(3, 3, 3, 2);
        assertThat(authors.get("translator.conv3.weight").shape()).containsExactly(3, 3, 2, 2);
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> repDistiller = checks(new FtParams("s", "t", 0.5, null, 2,
                1, 0.1, FactorTransferMode.REPDISTILLER), TensorShape.map(3, 4, 4), TensorShape.map(4, 4, 4))
                .parameters();
        assertThat(repDistiller).containsOnlyKeys("translator.conv1.weight", "translator.bn1.gamma",
                "translator.bn1.beta", "translator.conv2.weight", "translator.bn2.gamma", "translator.bn2.beta",
                "translator.conv3.weight", "translator.bn3.gamma", "translator.bn3.beta");
        assertThat(repDistiller.get("translator.bn2.gamma").toDoubleVector()).containsExactly(1, 1);
        assertThat(repDistiller.get("translator.bn2.beta").toDoubleVector()).containsExactly(0, 0);
    }

    @Test
    void shapeProblemsNameTheVerticesAndShapes() {
        FtDistiller authors = new FtDistiller(new FtParams("stage3.output"));
        assertThat(authors.shapeProblems(Map.of("stage3.output", TensorShape.map(32, 8, 8)),
                Map.of("stage3.output", TensorShape.map(64, 4, 4)))).containsExactly("ft: the student map 32x8x8 at"
                + " stage3.output and the teacher map 64x4x4 at stage3.output differ in height or width; the"
                + " authors' factor compares the two factors element by element, so tap maps of the same resolution"
                + " (or use mode repdistiller, which pools the larger map when the sizes are multiples)");
        assertThat(authors.shapeProblems(Map.of("stage3.output", TensorShape.vector(32)),
                Map.of("stage3.output", TensorShape.map(64, 4, 4)))).singleElement().asString()
                .startsWith("ft: the student vertex stage3.output is a vector of 32 units");
        assertThat(authors.shapeProblems(Map.of("stage3.output", TensorShape.map(32, 4, 4)),
                Map.of("stage3.output", TensorShape.vector(64)))).singleElement().asString()
                .startsWith("ft: the teacher vertex stage3.output is a vector of 64 units");
        FtDistiller repDistiller = new FtDistiller(new FtParams("s", "t", 0.5, null, 2, 1, 0.1,
                FactorTransferMode.REPDISTILLER));
        assertThat(repDistiller.shapeProblems(Map.of("s", TensorShape.map(32, 8, 8)),
                Map.of("t", TensorShape.map(64, 4, 4)))).isEmpty();
        assertThat(repDistiller.shapeProblems(Map.of("s", TensorShape.map(32, 6, 6)),
                Map.of("t", TensorShape.map(64, 4, 4)))).singleElement().asString()
                .contains("differ in height or width by other than one whole factor");
        assertThat(authors.shapeProblems(Map.of(), Map.of())).as("a missing tap is the kernel's").isEmpty();
        // Model-file teachers skip shapeProblems: the loss definition refuses with the same message.
        assertThatThrownBy(() -> checks(new FtParams("s", "t", 0.5, null, 2, 1, 0.1, FactorTransferMode.AUTHORS),
                TensorShape.map(3, 4, 4), TensorShape.map(4, 2, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in height or width");
    }

    @Test
    void tapsAreTheStudentAndTeacherVertices() {
        FtDistiller distiller = new FtDistiller(new FtParams("s", "t", 0.5, null, 2, 1, 0.1,
                FactorTransferMode.AUTHORS));

        assertThat(distiller.studentTaps()).containsExactly("s");
        assertThat(distiller.teacherTaps()).containsExactly("t");
    }

    private static LossChecks checks(FtParams params, TensorShape student, TensorShape teacher) {
        LossChecks checks = LossChecks.of(new FtDistiller(params), Map.of("s", student), Map.of("t", teacher), 2);
        for (int l = 0; l < 3; l++) {
            checks.withTrainedParameter(FactorTransferLayers.weight(FactorTransferLayers.encoder(l + 1)),
                    array(ENCODER.w()[l]));
            checks.withTrainedParameter(FactorTransferLayers.bias(FactorTransferLayers.encoder(l + 1)),
                    Nd4j.createFromArray(ENCODER.bias()[l]));
        }
        return checks;
    }

    private static void setTranslator(LossChecks checks, FactorTransferMode mode) {
        for (int l = 0; l < 3; l++) {
            String layer = FactorTransferLayers.translator(l + 1);
            checks.setParameter(FactorTransferLayers.weight(layer), array(TRANSLATOR.w()[l]));
            if (mode == FactorTransferMode.AUTHORS) {
                checks.setParameter(FactorTransferLayers.bias(layer), Nd4j.createFromArray(TRANSLATOR.bias()[l]));
            } else {
                checks.setParameter(FactorTransferLayers.batchNorm(l + 1) + ".gamma", Nd4j.createFromArray(GAMMA[l]));
                checks.setParameter(FactorTransferLayers.batchNorm(l + 1) + ".beta", Nd4j.createFromArray(BETA[l]));
            }
        }
    }
}
