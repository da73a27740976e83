package org.distill4j.api;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The SameDiff graph a {@link Distiller} defines its loss in: placeholders for the tapped student and teacher
 * activations (batch first, NCHW for feature maps) and the one-hot labels.
 */
public interface LossGraph {

    SameDiff sameDiff();

    /** The student activation at a tap the distiller declared; the loss gradient flows back from here. */
    SDVariable student(String tap);

    /** The teacher activation at a tap the distiller declared (inference mode, no gradient). */
    SDVariable teacher(String tap);

    /** One-hot labels, {@code [batch, classes]}. */
    SDVariable labels();

    /** The shape of a student tap, with -1 for the batch dimension. */
    long[] studentShape(String tap);

    /** The shape of a teacher tap, with -1 for the batch dimension. */
    long[] teacherShape(String tap);

    int classes();

    /**
     * Reports a named scalar of the loss (for example the soft and hard terms) in the training log and events.
     * The name is prefixed with the distiller's name by the kernel.
     */
    void reportTerm(String name, SDVariable scalar);
}
