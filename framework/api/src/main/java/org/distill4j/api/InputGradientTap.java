package org.distill4j.api;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A student tap a distiller defines ({@link Distiller#inputGradientTaps()}): {@code J(transform(x))}, the per-sample
 * gradient of the cross-entropy with respect to the input, taken at a transformed copy of the batch {@code x}. The
 * kernel computes it and back-propagates a loss on it exactly as it does {@link InputGradients#INPUT_GRADIENT}
 * (which is this tap with the identity transform), at the same extra cost per tap; the distiller reads it like any
 * student tap, as a {@code [batch, C, H, W]} placeholder of the input image's shape.
 *
 * <p>A tap a distiller defines is the student's only: the kernel gives a teacher's input gradient at the batch
 * itself, and a loss that needs the teacher's at a transformed batch transforms the teacher's
 * {@link InputGradients#INPUT_GRADIENT} in its graph instead.
 *
 * @param name      the tap's name, as the distiller lists it in {@link Distiller#studentTaps()}; not a vertex name and
 *                  not {@link InputGradients#INPUT_GRADIENT}; part of the distiller's contract, so keep it stable
 * @param transform maps the {@code [B, C, H, W]} input batch to the batch the gradient is taken at, of the same
 *                  shape; it must return a new array and leave its argument unchanged
 */
public record InputGradientTap(String name, UnaryOperator<INDArray> transform) {

    public InputGradientTap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transform, "transform");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an input-gradient tap needs a name, got a blank one");
        }
    }
}
