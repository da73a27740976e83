package org.distill4j.kernel.engine;

import org.distill4j.api.InputGradientTap;
import org.distill4j.api.InputGradients;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The student side of the input-gradient taps ({@link InputGradientTapSet}) in one step: computes the per-sample
 * input gradients {@code J} the loss reads, each at its tap's transform of the batch, and turns the loss's gradient
 * with respect to them into a parameter gradient.
 *
 * <p>DL4J has no double back-propagation, so the parameter gradient of a loss term on {@code J} is a
 * finite-difference Hessian-vector product (docs/methods.md §4(a')). With {@code G = dL/dJ} (the loss graph's gradient
 * for the tap, {@code [B, C, H, W]}) and {@code J_b = d CE_b / d x_b}, so that {@code sum_b G_b . J_b} is the
 * directional derivative of the summed cross-entropy {@code CE_sum} along {@code G}:
 *
 * <pre>
 *   grad_W sum_b G_b . J_b = d/de grad_W CE_sum(W, x + e G) at e = 0
 *                          ~ |G| (grad_W CE_sum(x + eps G/|G|) - grad_W CE_sum(x - eps G/|G|)) / (2 eps)
 * </pre>
 *
 * with {@code |G|} the norm over the whole batch tensor, {@code eps} = {@link #FINITE_DIFFERENCE_STEP} in input
 * units, and {@code x} the tap's transformed batch ({@link InputGradientTap#transform()}). That is two forward and
 * backward passes per tap, in training mode like the step; the caller reseeds ND4J's random generator before each
 * pass so dropout draws the step's masks. BatchNorm's running statistics are left out of these passes' gradients
 * ({@link TrainableGraph#crossEntropyParameterGradient}), so the step's own pass updates them once.
 */
public final class InputGradientTerm {

    /**
     * The step {@code eps} of the central difference, in input units along the unit-norm direction {@code G/|G|}
     * over the whole batch. The difference is exact to second order in it; 1e-3 keeps float32 rounding of the two
     * gradients small against their difference on normalised images.
     */
    public static final double FINITE_DIFFERENCE_STEP = 1e-3;

    private final TrainableGraph student;
    private final List<InputGradientTap> taps;
    private final double step;

    /**
     * @param taps the input-gradient taps the loss reads from the student
     * @param step the central difference's {@code eps}, {@code > 0}
     */
    InputGradientTerm(TrainableGraph student, Collection<InputGradientTap> taps, double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("the finite-difference step must be a finite number > 0, got " + step);
        }
        this.student = student;
        this.taps = List.copyOf(taps);
        this.step = step;
    }

    /** The batch each tap differentiates at: the tap's transform of the features (the features for the built-in). */
    Map<String, INDArray> points(INDArray features) {
        Map<String, INDArray> points = new LinkedHashMap<>();
        for (InputGradientTap tap : taps) {
            INDArray point = tap.transform().apply(features);
            if (point == null || !Arrays.equals(point.shape(), features.shape())) {
                throw new IllegalStateException("the transform of input-gradient tap '" + tap.name() + "' turned a "
                        + Arrays.toString(features.shape()) + " batch into " + (point == null ? "null"
                        : Arrays.toString(point.shape())) + "; it must return a batch of the same shape");
            }
            points.put(tap.name(), point);
        }
        return points;
    }

    /** {@code J} for every tap, each from one training-mode pass that starts with the random generator at {@code seed}. */
    Map<String, INDArray> inputGradients(Map<String, INDArray> points, int[] labels, long seed) {
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        points.forEach((tap, point) -> {
            Nd4j.getRandom().setSeed(seed);
            gradients.put(tap, student.inputGradient(point, labels));
        });
        return gradients;
    }

    /**
     * The flattened parameter gradient of the loss's terms on the taps, or null when every tap's loss gradient is zero
     * (then no pass runs).
     *
     * @param tapGradients the loss's gradient {@code G} for each tap
     */
    INDArray parameterGradient(Map<String, INDArray> points, int[] labels, Map<String, INDArray> tapGradients,
            long seed) {
        INDArray total = null;
        for (Map.Entry<String, INDArray> entry : points.entrySet()) {
            INDArray point = entry.getValue();
            INDArray lossGradient = tapGradients.get(entry.getKey());
            double norm = lossGradient == null ? 0 : lossGradient.norm2Number().doubleValue();
            if (norm == 0) {
                continue;
            }
            INDArray offset = lossGradient.castTo(point.dataType()).mul(step / norm).reshape(point.shape());
            Nd4j.getRandom().setSeed(seed);
            INDArray plus = student.crossEntropyParameterGradient(point.add(offset), labels);
            Nd4j.getRandom().setSeed(seed);
            INDArray minus = student.crossEntropyParameterGradient(point.sub(offset), labels);
            INDArray term = plus.subi(minus).muli(norm / (2 * step));
            total = total == null ? term : total.addi(term);
        }
        return total;
    }

    /**
     * Why a teacher cannot give its input gradient, or null when it can: DL4J back-propagates BatchNorm only with the
     * batch statistics of training mode, so the inference-mode gradient of a teacher with BatchNorm is not available,
     * and dropout would make it random.
     *
     * @param layers the teacher's BatchNorm and dropout layers ({@link TrainableGraph#modeDependentLayers()})
     */
    public static String teacherProblem(List<String> layers) {
        if (layers.isEmpty()) {
            return null;
        }
        return "the loss reads the teacher's '" + InputGradients.INPUT_GRADIENT + "', but the teacher has batch"
                + " normalization or dropout (" + String.join(", ", layers) + "): DL4J back-propagates batch norm only"
                + " with the batch statistics of training mode, so the teacher's inference-mode input gradient is not"
                + " available; use a teacher without batch norm and dropout, like the paper's NIN teachers (e.g. vgg"
                + " with batch-norm: false, or mlp, with dropout 0)";
    }
}
