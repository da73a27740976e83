package org.distill4j.plugin.attentiontransfer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The left-right mirror of a batch of NCHW images: the width axis reversed, as SameDiff's {@code reverse(x, 3)}. The
 * transform of {@link FlipInvarianceDistiller}'s input-gradient tap, so the kernel takes {@code J} at the mirrored
 * batch.
 */
final class AttentionTransferHorizontalFlip {

    /** The width axis of an NCHW batch. */
    static final int WIDTH = 3;

    /** A new array; {@code images} is {@code [B, C, H, W]} and is not changed. */
    static INDArray of(INDArray images) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("a horizontal flip needs a [batch, channels, height, width] batch, got"
                    + " shape " + Arrays.toString(images.shape()));
        }
        INDArray flipped = Nd4j.createUninitialized(images.dataType(), images.shape());
        Nd4j.exec(new Reverse(images, flipped, WIDTH));
        return flipped;
    }

    private AttentionTransferHorizontalFlip() {
    }
}
