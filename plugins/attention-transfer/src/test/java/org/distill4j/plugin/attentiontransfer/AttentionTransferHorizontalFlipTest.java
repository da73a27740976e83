package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.InputGradientTap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mirror that {@link FlipInvarianceDistiller}'s input-gradient tap is taken at. */
class AttentionTransferHorizontalFlipTest {

    @Test
    void theFlipReversesTheWidthAxis() {
        INDArray images = random(13, 2, 3, 2, 5);
        INDArray before = images.dup();
        INDArray flipped = AttentionTransferHorizontalFlip.of(images);
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 5; w++) {
                        assertThat(flipped.getDouble(b, c, h, w)).isEqualTo(images.getDouble(b, c, h, 4 - w));
                    }
                }
            }
        }
        assertThat(images).isEqualTo(before);
    }

    @Test
    void aBatchThatIsNoImageBatchIsRefused() {
        assertThatThrownBy(() -> AttentionTransferHorizontalFlip.of(random(1, 2, 6)))
                .hasMessage("a horizontal flip needs a [batch, channels, height, width] batch, got shape [2, 6]");
    }

    @Test
    void flipInvarianceDefinesItsTapAtTheMirroredBatch() {
        FlipInvarianceDistiller distiller = new FlipInvarianceDistiller(new FlipInvarianceParams(1,
                GradientDistance.PAPER));
        INDArray images = random(14, 2, 1, 3, 4);

        assertThat(distiller.inputGradientTaps()).singleElement().satisfies(tap -> {
            assertThat(tap.name()).isEqualTo("flipped-input.gradient");
            assertThat(distiller.studentTaps()).contains(tap.name());
            assertThat(tap.transform().apply(images)).isEqualTo(AttentionTransferHorizontalFlip.of(images));
        });
        assertThat(distiller.inputGradientTaps()).extracting(InputGradientTap::name)
                .doesNotContain("input.gradient");
    }

    private static INDArray random(long seed, long... shape) {
        Random random = new Random(seed);
        INDArray values = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < values.length(); i++) {
            values.putScalar(i, random.nextGaussian());
        }
        return values;
    }
}
