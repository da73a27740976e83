package org.distill4j.kernel.engine;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One op of a {@link LossGraphSchedule}: its context, and its outputs while the input signature stays the same. The
 * schedule finds the op's arguments (fed, computed by an earlier op, or a constant); the op keeps what one call can
 * reuse from the last.
 */
final class ScheduledOp {
    /** Reductions whose value over one element is that element. */
    private static final Set<String> IDENTITY_ON_ONE_ELEMENT = Set.of("reduce_sum", "reduce_mean", "reduce_max",
            "reduce_min", "reduce_prod");

    private final SameDiff graph;
    private final SameDiffOp op;
    private final DifferentialFunction function;
    private final OpContext context;
    private final List<String> inputNames;
    private final List<String> outputNames;
    private InputSignature signature;
    private INDArray[] outputs;

    ScheduledOp(SameDiff graph, SameDiffOp op) {
        this.graph = graph;
        this.op = op;
        this.function = op.getOp();
        this.inputNames = LossGraphSchedule.inputs(op);
        this.outputNames = LossGraphSchedule.outputs(op);
        this.context = function instanceof Identity || function instanceof GradientBackwardsMarker ? null
                : Nd4j.getExecutioner().buildContext();
    }

    /** The variables the op reads, in the order of its arguments. */
    List<String> inputNames() {
        return inputNames;
    }

    /** Runs the op on {@code arguments} (the values of {@link #inputNames()}) and puts its outputs into {@code values}. */
    void run(INDArray[] arguments, Map<String, INDArray> values) {
        if (function instanceof Identity) {
            values.put(outputNames.get(0), arguments[0]);
            return;
        }
        if (function instanceof GradientBackwardsMarker) {
            if (outputs == null) {
                outputs = new INDArray[] {Nd4j.scalar(DataType.FLOAT, 1f)};
            }
            values.put(outputNames.get(0), outputs[0]);
            return;
        }
        if (function instanceof CustomOp) {
            runCustom((DynamicCustomOp) function, arguments);
        } else {
            runLegacy((Op) function, arguments);
        }
        for (int i = 0; i < outputNames.size(); i++) {
            values.put(outputNames.get(i), outputs[i]);
        }
    }

    private void runCustom(DynamicCustomOp custom, INDArray[] arguments) {
        context.setArgs(arguments, custom.iArgs(), custom.dArgs(), custom.tArgs(), custom.bArgs());
        InputSignature current = InputSignature.of(arguments);
        if (!current.equals(signature)) {
            List<LongShapeDescriptor> shapes = custom.calculateOutputShape(context);
            if (shapes == null || shapes.size() != outputNames.size()) {
                throw new IllegalStateException("op " + custom.opName() + " (" + op.getName() + ") gave "
                        + (shapes == null ? "no" : shapes.size()) + " output shapes for " + outputNames.size()
                        + " outputs");
            }
            outputs = new INDArray[shapes.size()];
            for (int i = 0; i < outputs.length; i++) {
                // As SameDiff does: the variable's data type wins where an op could produce several.
                DataType type = graph.getVariable(outputNames.get(i)).dataType();
                LongShapeDescriptor shape = shapes.get(i);
                outputs[i] = Nd4j.create(shape.dataType() == type ? shape : shape.asDataType(type), false);
            }
            signature = current;
        }
        for (int i = 0; i < outputs.length; i++) {
            context.setOutputArray(i, outputs[i]);
        }
        Nd4j.exec(custom, context);
    }

    private void runLegacy(Op legacy, INDArray[] arguments) {
        boolean axisArgument = false;
        if (legacy instanceof ReduceOp reduce && reduce.getOpType() != Op.Type.REDUCE3 && arguments.length == 2) {
            // The second input is the reduction axis, as SameDiff's own execution reads it.
            int[] axis = arguments[1].toIntVector();
            if (axis.length == 0) {
                throw new IllegalStateException("empty reduction axes are not scheduled");
            }
            function.setDimensions(Shape.normalizeAxis(arguments[0].rank(), axis));
            ((BaseReduceOp) legacy).setEmptyReduce(false);
            axisArgument = true;
        } else if (legacy instanceof ScalarOp scalar && arguments.length == 2) {
            scalar.setScalar(arguments[1]);
        }
        context.purge();
        if (arguments.length > 0) {
            context.setInputArray(0, arguments[0]);
            if (arguments.length == 2 && !axisArgument) {
                context.setInputArray(1, arguments[1]);
            }
        }
        InputSignature current = InputSignature.of(arguments);
        if (!current.equals(signature)) {
            List<LongShapeDescriptor> shapes = ((BaseOp) legacy).calculateOutputShape(context);
            if (shapes == null || shapes.size() != 1) {
                throw new IllegalStateException("op " + legacy.opName() + " (" + op.getName() + ") gave no output"
                        + " shape");
            }
            outputs = new INDArray[] {Nd4j.create(shapes.get(0), false)};
            signature = current;
        }
        if (legacy instanceof ReduceOp reduce && reduce.getOpType() != Op.Type.REDUCE3 && arguments.length > 0
                && reducesSingleElements(arguments[0], outputs[0])) {
            reduceSingleElements(reduce, arguments[0], outputs[0]);
            return;
        }
        context.setOutputArray(0, outputs[0]);
        Nd4j.exec(legacy, context);
    }

    /**
     * Whether a reduction of a vector runs along an axis of length 1 ({@code sum(1)} of {@code [B, 1]}, or over the
     * batch of one sample): every output is one input. ND4J's executor skips such a reduction as a copy of the op's
     * own input field ({@code noOp()}), which an op run from a context does not set, and fails.
     */
    private static boolean reducesSingleElements(INDArray input, INDArray output) {
        return input.isVector() && input.length() == output.length() && output.length() > 1;
    }

    private void reduceSingleElements(ReduceOp reduce, INDArray input, INDArray output) {
        if (!IDENTITY_ON_ONE_ELEMENT.contains(reduce.opName())) {
            throw new IllegalStateException("op " + reduce.opName() + " (" + op.getName() + ") reduces an axis of"
                    + " length 1 of a vector " + Arrays.toString(input.shape()) + ", which ND4J cannot run"
                    + " from a schedule; reshape the input so that the axis is not of length 1, or use sum, mean, max,"
                    + " min or prod");
        }
        output.assign(input.reshape(output.shape()));
    }
}
