package org.distill4j.testkit;

import org.distill4j.api.Distiller;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.kernel.engine.Objective;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Evaluates a distiller's loss outside training, in double precision, and compares its SameDiff gradient with
 * central finite differences of the loss itself, with respect to the student taps and to the loss's own trainable
 * parameters ({@link org.distill4j.api.LossGraph#parameter}). A parameter starts at the values the kernel draws
 * before any training stage (a fixed seed); {@link #setParameter} fixes them for golden values.
 */
public final class LossChecks {

    private final CompiledLoss loss;

    private LossChecks(CompiledLoss loss) {
        this.loss = loss;
    }

    /**
     * @param studentShapes per-sample shapes of the student taps the distiller reads
     * @param teacherShapes per-sample shapes of the teacher taps (empty if none)
     */
    public static LossChecks of(Distiller distiller, Map<String, TensorShape> studentShapes,
            Map<String, TensorShape> teacherShapes, int classes) {
        return new LossChecks(CompiledLoss.compile(List.of(new Objective("checked", distiller, 1.0)), studentShapes,
                teacherShapes, classes, DataType.DOUBLE));
    }

    /** Sets the epoch (from 1) that {@link org.distill4j.api.LossGraph#epoch()} reads in the next evaluations. */
    public LossChecks atEpoch(int epoch) {
        loss.setEpoch(epoch);
        return this;
    }

    /**
     * Gives a parameter the loss reads from an earlier stage ({@link org.distill4j.api.LossGraph#trainedParameter})
     * the values that stage would have left; zeros until set.
     */
    public LossChecks withTrainedParameter(String name, INDArray values) {
        loss.bindTrainedParameter(name, values);
        return this;
    }

    public LossValue evaluate(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels) {
        return loss.evaluate(asDouble(student), asDouble(teacher), labels);
    }

    /**
     * Copies of the loss's parameters by name (with one distiller, the names it declared), in declaration order;
     * empty when it has none.
     */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        loss.parameters().values().forEach((name, values) -> copies.put(name, values.dup()));
        return copies;
    }

    /** Sets a loss parameter to the given values (its declared shape) for every later evaluation. */
    public void setParameter(String name, INDArray values) {
        loss.parameters().set(name, values);
    }

    /**
     * The largest relative difference, over every element of every student tap and of every loss parameter, between
     * the analytic gradient and the central difference {@code (L(x + h) - L(x - h)) / 2h}. Differences below
     * {@code absoluteFloor} on both sides count as agreement (they are rounding noise, not gradient).
     */
    public double maxRelativeGradientError(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels,
            double step, double absoluteFloor) {
        Map<String, INDArray> point = asDouble(student);
        Map<String, INDArray> teacherPoint = asDouble(teacher);
        LossValue analytic = loss.evaluate(point, teacherPoint, labels);
        DoubleSupplier value = () -> loss.evaluate(point, teacherPoint, labels).loss();
        double worst = 0;
        for (Map.Entry<String, INDArray> tap : point.entrySet()) {
            worst = Math.max(worst, maxRelativeError(tap.getValue(), analytic.gradients().get(tap.getKey()), value,
                    step, absoluteFloor));
        }
        // The live parameter arrays: perturbing them in place changes the loss the next evaluation computes.
        for (Map.Entry<String, INDArray> parameter : loss.parameters().values().entrySet()) {
            worst = Math.max(worst, maxRelativeError(parameter.getValue(),
                    analytic.parameterGradients().get(parameter.getKey()), value, step, absoluteFloor));
        }
        return worst;
    }

    /** Central differences of {@code value} over every element of {@code values}, which are restored after. */
    private static double maxRelativeError(INDArray values, INDArray gradient, DoubleSupplier value, double step,
            double absoluteFloor) {
        double worst = 0;
        for (long i = 0; i < values.length(); i++) {
            double original = values.getDouble(i);
            values.putScalar(i, original + step);
            double plus = value.getAsDouble();
            values.putScalar(i, original - step);
            double minus = value.getAsDouble();
            values.putScalar(i, original);
            double numeric = (plus - minus) / (2 * step);
            double exact = gradient.getDouble(i);
            double difference = Math.abs(numeric - exact);
            if (difference > absoluteFloor) {
                worst = Math.max(worst, difference / Math.max(Math.abs(numeric), Math.abs(exact)));
            }
        }
        return worst;
    }

    private static Map<String, INDArray> asDouble(Map<String, INDArray> arrays) {
        Map<String, INDArray> converted = new LinkedHashMap<>();
        arrays.forEach((name, array) -> converted.put(name, array.castTo(DataType.DOUBLE).dup()));
        return converted;
    }
}
