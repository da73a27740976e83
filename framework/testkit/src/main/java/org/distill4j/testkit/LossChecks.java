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

/**
 * Evaluates a distiller's loss outside training, in double precision, and compares its SameDiff gradient with
 * central finite differences of the loss itself.
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

    public LossValue evaluate(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels) {
        return loss.evaluate(asDouble(student), asDouble(teacher), labels);
    }

    /**
     * The largest relative difference, over every element of every student tap, between the analytic gradient and
     * the central difference {@code (L(x + h) - L(x - h)) / 2h}. Differences below {@code absoluteFloor} on both
     * sides count as agreement (they are rounding noise, not gradient).
     */
    public double maxRelativeGradientError(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels,
            double step, double absoluteFloor) {
        Map<String, INDArray> point = asDouble(student);
        Map<String, INDArray> teacherPoint = asDouble(teacher);
        Map<String, INDArray> analytic = loss.evaluate(point, teacherPoint, labels).gradients();
        double worst = 0;
        for (Map.Entry<String, INDArray> tap : point.entrySet()) {
            INDArray values = tap.getValue();
            INDArray gradient = analytic.get(tap.getKey());
            for (long i = 0; i < values.length(); i++) {
                double original = values.getDouble(i);
                values.putScalar(i, original + step);
                double plus = loss.evaluate(point, teacherPoint, labels).loss();
                values.putScalar(i, original - step);
                double minus = loss.evaluate(point, teacherPoint, labels).loss();
                values.putScalar(i, original);
                double numeric = (plus - minus) / (2 * step);
                double exact = gradient.getDouble(i);
                double difference = Math.abs(numeric - exact);
                if (difference > absoluteFloor) {
                    worst = Math.max(worst, difference / Math.max(Math.abs(numeric), Math.abs(exact)));
                }
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
