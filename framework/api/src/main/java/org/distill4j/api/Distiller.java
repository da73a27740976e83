package org.distill4j.api;

import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A training objective for the student, written as a SameDiff graph over named activations ("taps") of the student
 * and, when it distils, of the teacher.
 *
 * <p>The kernel forwards the student (training mode) and the teacher (inference mode) on the same batch, feeds
 * the tapped activations into the placeholders of {@link LossGraph}, asks SameDiff for the loss gradient with respect
 * to every student tap, and back-propagates those gradients through the student. A descriptor may list several
 * distillers; their losses are summed, so a method that adds a term to the task loss (attention transfer, hints)
 * defines only its own term and is combined with {@code cross-entropy} or {@code hinton-kd}.
 *
 * <p>Tap names are vertex names of the network spec ({@code stage2.block1.relu1}); the network output is
 * {@link org.distill4j.api.network.NetworkSpec#LOGITS}. The reserved {@link InputGradients#INPUT_GRADIENT} is the
 * per-sample gradient of the cross-entropy with respect to the input image, which the kernel computes (at extra
 * cost); a distiller may define more such student taps, at transformed batches ({@link #inputGradientTaps()}).
 * Losses reduce by the mean over the batch.
 */
public interface Distiller {

    /**
     * Student vertices the loss reads, and any input-gradient taps: {@link InputGradients#INPUT_GRADIENT} and those
     * of {@link #inputGradientTaps()}.
     */
    Set<String> studentTaps();

    /**
     * Teacher vertices the loss reads (and {@link InputGradients#INPUT_GRADIENT}); empty when the objective needs no
     * teacher.
     */
    Set<String> teacherTaps();

    /**
     * The input-gradient taps this distiller defines for the student: each the gradient of the cross-entropy with
     * respect to the input taken at a transformed batch, which the kernel computes and back-propagates like
     * {@link InputGradients#INPUT_GRADIENT}. List them in {@link #studentTaps()} to read them; a teacher has none
     * (read the teacher's {@link InputGradients#INPUT_GRADIENT} and transform it in the loss). Two distillers of one
     * experiment must not define the same name. None by default.
     */
    default List<InputGradientTap> inputGradientTaps() {
        return List.of();
    }

    /** Adds this objective to the graph and returns its scalar loss. */
    SDVariable defineLoss(LossGraph graph);

    /**
     * Problems with the shapes of the tapped activations, found before any training ({@code distill4j validate}): each
     * one sentence that names the taps, what they are and what would be right. The kernel calls it only when every
     * tap is a vertex of its network and the shapes are known: not for a model-file teacher, whose shapes are known
     * only once it is loaded ({@link #defineLoss} then rejects them). {@code teacher} is empty when the distiller
     * reads no teacher. None by default.
     *
     * @param student per-sample shapes of every student vertex
     * @param teacher per-sample shapes of every teacher vertex
     */
    default List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return List.of();
    }
}
