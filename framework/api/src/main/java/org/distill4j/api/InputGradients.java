package org.distill4j.api;

import java.util.Set;

/**
 * Reserved tap names for the gradient of the cross-entropy with respect to the input image, the "input-gradient
 * attention" of Zagoruyko and Komodakis (ICLR 2017, docs/methods.md §4(a')). They are not vertices: the kernel
 * computes them by back-propagating the cross-entropy of the logits to the input, and a distiller lists them in
 * {@link Distiller#studentTaps()} (and {@link #INPUT_GRADIENT} in {@link Distiller#teacherTaps()}) and reads them
 * from its {@link LossGraph} like any tap, as {@code [batch, C, H, W]} placeholders of the input image's shape.
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

    /**
     * {@code J(flip(x))}: the same at the left-right flipped batch (the width axis reversed); the student only. Compare
     * it with the flipped {@link #INPUT_GRADIENT} for flip invariance.
     */
    public static final String FLIPPED_INPUT_GRADIENT = "flipped-input.gradient";

    /** Both reserved names. */
    public static final Set<String> TAPS = Set.of(INPUT_GRADIENT, FLIPPED_INPUT_GRADIENT);

    /** Whether a tap name is one of the reserved input-gradient taps rather than a vertex. */
    public static boolean isInputGradient(String tap) {
        return TAPS.contains(tap);
    }

    private InputGradients() {
    }
}
