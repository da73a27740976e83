package org.distill4j.api;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The SameDiff graph a {@link Distiller} defines its loss in: placeholders for the tapped student and teacher
 * activations (batch first, NCHW for feature maps) and the one-hot labels, and the loss's own trainable parameters
 * (a regressor that maps the student's features to the teacher's, as in FitNets).
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
     * The current epoch of the training stage, counted from 1, as a scalar of the graph's precision: for a loss
     * whose weighting changes over training, such as a warm-up ({@code min(epoch / warmup, 1)}). The kernel feeds it
     * before every batch; it holds one value for a whole epoch.
     */
    SDVariable epoch();

    /**
     * Reports a named scalar of the loss (for example the soft and hard terms) in the training log and events.
     * The name is prefixed with the distiller's name by the kernel.
     */
    void reportTerm(String name, SDVariable scalar);

    /**
     * Declares a trainable parameter of the loss, for example the weights of a regressor between a student and a
     * teacher tap, and returns it as a SameDiff variable (not a placeholder) of the graph's precision.
     *
     * <p>The kernel initialises it at the start of every training stage from the run's seed as {@code init} says,
     * and updates it after every batch together with the student: with the gradient of the total loss, the same
     * optimizer, the same per-epoch learning rate and the same weight decay (added to the gradient), from a fresh
     * optimizer state. It belongs to the stage's loss: it is dropped when the stage ends and is not saved with the
     * student's model.
     *
     * @param name  unique within the distiller; like {@link #reportTerm} names, the kernel prefixes it with the
     *              distiller's name when a loss has several distillers, so two distillers cannot collide
     * @param shape the full shape (no batch dimension), every size >= 1
     * @param init  how its values are drawn, e.g. {@link ParameterInit#heNormal} for weights and
     *              {@link ParameterInit#zeros} for biases
     */
    SDVariable parameter(String name, long[] shape, ParameterInit init);

    /**
     * A loss parameter that an earlier training stage of the run trained, fixed in this loss: for a method that trains
     * part of its loss in a stage of its own and uses it unchanged afterwards (factor transfer's paraphraser, trained
     * to reconstruct the teacher's features before the student learns from its factors). It is found by the name its
     * distiller declared it under in that stage ({@link #parameter}, with the kernel's prefix when that stage's loss
     * had several distillers); the latest stage that declares it wins. The kernel checks, before any stage trains,
     * that an earlier stage declares it with this shape, and refuses the run otherwise, naming what the stages declare.
     *
     * @param name  the parameter's name in the stage that trains it
     * @param shape its full shape (no batch dimension)
     */
    SDVariable trainedParameter(String name, long[] shape);
}
