package org.distill4j.api;

/**
 * The reserved tap name for the gradient of the cross-entropy with respect to the input image. It is not a vertex:
 * the kernel computes it by back-propagating the cross-entropy of the logits to the input, and a distiller lists it
 * in {@link Distiller#studentTaps()} or {@link Distiller#teacherTaps()} and reads it from its {@link LossGraph} like
 * any tap, as a {@code [batch, C, H, W]} placeholder of the input image's shape. A distiller that needs the same
 * gradient at a transformed batch (a flipped one, say) defines its own student tap for it
 * ({@link Distiller#inputGradientTaps()}, {@link InputGradientTap}).
 *
 * <p>Per sample {@code b}, {@code J_b = dCE(logits(x_b), y_b)/dx_b}: the gradient of the sample's own
 * cross-entropy (B times the gradient of the batch mean). The student's is computed in training mode, like the step
 * (BatchNorm with batch statistics, the step's dropout masks); the teacher's needs a teacher without BatchNorm and
 * dropout, whose training and inference forwards coincide (the kernel refuses others).
 *
 * <p>DL4J cannot differentiate a gradient again, so the kernel back-propagates a loss on the student's {@code J}
 * into the student's weights with a finite-difference Hessian-vector product: two extra forward and backward passes
 * per input-gradient tap and step, on top of the pass that computes {@code J}. A loss without these taps costs
 * nothing extra.
 */
public final class InputGradients {

    /** {@code J(x)}: per-sample gradient of the cross-entropy with respect to the input batch {@code x}. */
    public static final String INPUT_GRADIENT = "input.gradient";

    private InputGradients() {
    }
}
