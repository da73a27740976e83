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

class FtParaphraserDistillerTest {

    private static final int[] LABELS = {0, 1, 0};
    // Teacher map of 4 channels at 4x4: the factor has 2 channels at rate 0.5.
    private static final TensorShape TEACHER = TensorShape.map(4, 4, 4);

    @Test
    void matchesTheLoopReferenceWithSetParaphraserValuesInBothModes() {
        double[][][][] teacher = random(1, 3, 4, 4, 4, 1.0);
        FactorTransferReference.Layers encoder = FactorTransferReference.layers(20,
                FactorTransferLayers.encoderChannels(4, 2), 0.3);
        FactorTransferReference.Layers decoder = FactorTransferReference.layers(40,
                FactorTransferLayers.decoderChannels(4, 2), 0.3);
        for (FactorTransferMode mode : FactorTransferMode.values()) {
            FtParaphraserParams params = new FtParaphraserParams("t", 0.5, 0.1, mode);
            LossChecks checks = checks(params);
            set(checks, encoder, decoder);

            double[][][][] reconstruction = FactorTransferReference.decode(
                    FactorTransferReference.encode(teacher, encoder, 0.1), decoder, 0.1);
            double expected = FactorTransferReference.reconstruction(reconstruction, teacher,
                    mode == FactorTransferMode.AUTHORS);
            LossValue value = checks.evaluate(Map.of(), Map.of("t", array(teacher)), LABELS);

            assertThat(expected).isGreaterThan(0.1);
            assertThat(value.loss()).as("%s", mode).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void theSlopeIsTheLeakyRelusNegativeSlope() {
        double[][][][] teacher = random(2, 3, 4, 4, 4, 1.0);
        FactorTransferReference.Layers encoder = FactorTransferReference.layers(60,
                FactorTransferLayers.encoderChannels(4, 2), 0.3);
        FactorTransferReference.Layers decoder = FactorTransferReference.layers(80,
                FactorTransferLayers.decoderChannels(4, 2), 0.3);
        LossChecks checks = checks(new FtParaphraserParams("t", 0.5, 0.3, FactorTransferMode.REPDISTILLER));
        set(checks, encoder, decoder);

        double expected = FactorTransferReference.reconstruction(FactorTransferReference.decode(
                FactorTransferReference.encode(teacher, encoder, 0.3), decoder, 0.3), teacher, false);

        assertThat(checks.evaluate(Map.of(), Map.of("t", array(teacher)), LABELS).loss())
                .isCloseTo(expected, within(1e-10));
    }

    @Test
    void gradientsForTheParaphraserMatchFiniteDifferences() {
        double[][][][] teacher = random(3, 3, 4, 4, 4, 1.0);
        FactorTransferReference.Layers encoder = FactorTransferReference.layers(100,
                FactorTransferLayers.encoderChannels(4, 2), 0.3);
        FactorTransferReference.Layers decoder = FactorTransferReference.layers(120,
                FactorTransferLayers.decoderChannels(4, 2), 0.3);
        for (FactorTransferMode mode : FactorTransferMode.values()) {
            LossChecks checks = checks(new FtParaphraserParams("t", 0.5, 0.1, mode));
            set(checks, encoder, decoder);

            assertThat(checks.maxRelativeGradientError(Map.of(), Map.of("t", array(teacher)), LABELS, 1e-6, 1e-10))
                    .as("%s", mode).isLessThan(1e-4);
        }
    }

    @Test
    void declaresTheEncoderAndDecoderWithTheSharedNamesAndShapes() {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> parameters =
                checks(new FtParaphraserParams("t")).parameters();

        assertThat(parameters).containsOnlyKeys("paraphraser.encoder1.weight", "paraphraser.encoder1.bias",
                "paraphraser.encoder2.weight", "paraphraser.encoder2.bias", "paraphraser.encoder3.weight",
                "paraphraser.encoder3.bias", "paraphraser.decoder1.weight", "paraphraser.decoder1.bias",
                "paraphraser.decoder2.weight", "paraphraser.decoder2.bias", "paraphraser.decoder3.weight",
                "paraphraser.decoder3.bias");
        assertThat(parameters.get("paraphraser.encoder1.weight").shape()).containsExactly(3, 3, 4, 4);
        assertThat(parameters.get("paraphraser.encoder2.weight").shape()).containsExactly(3, 3, 4, 2);
        assertThat(parameters.get("paraphraser.encoder3.weight").shape()).containsExactly(3, 3, 2, 2);
        assertThat(parameters.get("paraphraser.decoder1.weight").shape()).containsExactly(3, 3, 2, 2);
        assertThat(parameters.get("paraphraser.decoder2.weight").shape()).containsExactly(3, 3, 2, 4);
        assertThat(parameters.get("paraphraser.decoder3.weight").shape()).containsExactly(3, 3, 4, 4);
        assertThat(parameters.get("paraphraser.encoder2.bias").shape()).containsExactly(2);
        // PyTorch's default initialisation: nothing starts at zero.
        assertThat(parameters.values()).allSatisfy(values ->
                assertThat(values.amaxNumber().doubleValue()).isGreaterThan(0));
    }

    @Test
    void readsOnlyTheTeacher() {
        FtParaphraserDistiller distiller = new FtParaphraserDistiller(new FtParaphraserParams("stage3.output"));

        assertThat(distiller.studentTaps()).isEmpty();
        assertThat(distiller.teacherTaps()).containsExactly("stage3.output");
    }

    @Test
    void aVectorOrTooFewChannelsForTheRateAreShapeProblems() {
        FtParaphraserDistiller distiller = new FtParaphraserDistiller(new FtParaphraserParams("pool"));
        assertThat(distiller.shapeProblems(Map.of(), Map.of("pool", TensorShape.vector(64)))).containsExactly(
                "ft-paraphraser: the teacher vertex pool is a vector of 64 units; the paraphraser is made of 3x3"
                        + " convolutions, so tap a C x H x W feature map such as stage3.output");
        FtParaphraserDistiller thin = new FtParaphraserDistiller(new FtParaphraserParams("t", 0.1, 0.1,
                FactorTransferMode.AUTHORS));
        assertThat(thin.shapeProblems(Map.of(), Map.of("t", TEACHER))).containsExactly("ft-paraphraser: rate 0.1 of"
                + " the teacher's 4 channels at t leaves no factor channel; raise rate");
        assertThat(distiller.shapeProblems(Map.of(), Map.of())).as("a missing tap is the kernel's").isEmpty();
        // Model-file teachers skip shapeProblems: the loss definition refuses with the same message.
        assertThatThrownBy(() -> checks(new FtParaphraserParams("t", 0.1, 0.1, FactorTransferMode.AUTHORS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves no factor channel");
    }

    private static LossChecks checks(FtParaphraserParams params) {
        return LossChecks.of(new FtParaphraserDistiller(params), Map.of(), Map.of("t", TEACHER), 2);
    }

    static void set(LossChecks checks, FactorTransferReference.Layers encoder, FactorTransferReference.Layers decoder) {
        for (int l = 0; l < 3; l++) {
            checks.setParameter(FactorTransferLayers.weight(FactorTransferLayers.encoder(l + 1)),
                    array(encoder.w()[l]));
            checks.setParameter(FactorTransferLayers.bias(FactorTransferLayers.encoder(l + 1)),
                    Nd4j.createFromArray(encoder.bias()[l]));
            checks.setParameter(FactorTransferLayers.weight(FactorTransferLayers.decoder(l + 1)),
                    array(decoder.w()[l]));
            checks.setParameter(FactorTransferLayers.bias(FactorTransferLayers.decoder(l + 1)),
                    Nd4j.createFromArray(decoder.bias()[l]));
        }
    }
}
