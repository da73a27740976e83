package org.distill4j.kernel.engine;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A SameDiff graph (the loss and its gradient function) run as a fixed list of op calls.
 *
 * <p>SameDiff 1.0.0-M2.1 executes a graph through its {@code InferenceSession}: per op and per call it resolves
 * dependencies through hash maps and tries, parameterises the op, asks the native library for the output shapes and
 * allocates fresh outputs. For a distillation loss of a hundred small ops that Java bookkeeping costs 15-20 ms per
 * batch on this machine, more than the student's forward and backward passes (issue 18). The ops of a loss never
 * change between batches, so this schedule sorts them once (data dependencies, declaration order among equals), keeps
 * one op context per op, and reuses each op's output arrays while its input shapes (and the values of its integer
 * inputs, such as shape vectors) stay the same. Each call then costs one native call per op.
 *
 * <p>The ops themselves are SameDiff's: the same implementations with the same arguments as SameDiff's own execution
 * (the equivalence test runs every shipped loss both ways). Graphs with control flow, tensor arrays, external errors or
 * ops whose output shape depends on their data are refused ({@link #of} is empty) and run through SameDiff instead.
 *
 * <p>Arrays returned by {@link #run} are reused by the next call.
 */
final class LossGraphSchedule {

    /** Ops whose output shape depends on input values, not only input shapes. */
    private static final Set<String> DATA_DEPENDENT_SHAPES = Set.of("where", "where_np", "boolean_mask", "unique",
            "unique_with_counts", "dynamic_partition", "non_max_suppression", "non_max_suppression_v3",
            "listdiff", "compare_and_bitpack", "matrix_band_part");

    private final SameDiff graph;
    private final List<ScheduledOp> ops;
    private final Set<String> placeholders;

    private LossGraphSchedule(SameDiff graph, List<SameDiffOp> order, Set<String> placeholders) {
        this.graph = graph;
        this.placeholders = Set.copyOf(placeholders);
        List<ScheduledOp> scheduled = new ArrayList<>(order.size());
        for (SameDiffOp op : order) {
            scheduled.add(new ScheduledOp(graph, op));
        }
        this.ops = List.copyOf(scheduled);
    }

    /**
     * The schedule computing {@code outputs} of {@code graph} (a gradient function: forward and backward ops), or
     * empty when the graph has an op this schedule does not run.
     */
    static Optional<LossGraphSchedule> of(SameDiff graph, Collection<String> outputs) {
        Map<String, SameDiffOp> producers = new HashMap<>();
        for (SameDiffOp op : graph.getOps().values()) {
            for (String output : outputs(op)) {
                producers.put(output, op);
            }
        }
        Set<String> needed = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(outputs);
        while (!pending.isEmpty()) {
            String variable = pending.pop();
            SameDiffOp producer = producers.get(variable);
            if (producer == null || !needed.add(producer.getName())) {
                continue;
            }
            pending.addAll(inputs(producer));
            if (producer.getControlDeps() != null) {
                pending.addAll(producer.getControlDeps());
            }
        }
        List<SameDiffOp> order = new ArrayList<>();
        Set<String> available = new HashSet<>();
        Set<String> placeholders = new HashSet<>();
        for (SDVariable variable : graph.variables()) {
            if (variable.getVariableType() != VariableType.ARRAY) {
                available.add(variable.name());
            }
            if (variable.isPlaceHolder()) {
                placeholders.add(variable.name());
            }
        }
        List<SameDiffOp> remaining = new ArrayList<>();
        for (SameDiffOp op : graph.getOps().values()) {
            if (needed.contains(op.getName())) {
                if (!supported(op.getOp())) {
                    return Optional.empty();
                }
                remaining.add(op);
            }
        }
        // Kahn's algorithm, taking the first ready op in declaration order each time.
        while (!remaining.isEmpty()) {
            SameDiffOp ready = null;
            for (SameDiffOp op : remaining) {
                if (available.containsAll(inputs(op))) {
                    ready = op;
                    break;
                }
            }
            if (ready == null) {
                return Optional.empty();
            }
            remaining.remove(ready);
            available.addAll(outputs(ready));
            order.add(ready);
        }
        for (String output : outputs) {
            if (!available.contains(output)) {
                return Optional.empty();
            }
        }
        return Optional.of(new LossGraphSchedule(graph, order, placeholders));
    }

    /**
     * Runs every op once.
     *
     * @param feed a value for every placeholder the needed ops read
     * @return every variable computed or read, by name; valid until the next call
     */
    Map<String, INDArray> run(Map<String, INDArray> feed) {
        Map<String, INDArray> values = new HashMap<>(feed);
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            for (ScheduledOp op : ops) {
                op.run(arguments(op, values), values);
            }
        }
        return values;
    }

    /** The values of the op's inputs, each found as {@link #value} finds it. */
    private INDArray[] arguments(ScheduledOp op, Map<String, INDArray> values) {
        List<String> names = op.inputNames();
        INDArray[] arguments = new INDArray[names.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = value(names.get(i), values);
        }
        return arguments;
    }

    private INDArray value(String name, Map<String, INDArray> values) {
        INDArray value = values.get(name);
        if (value != null) {
            return value;
        }
        if (placeholders.contains(name)) {
            throw new IllegalArgumentException("no value was fed for placeholder '" + name + "'; fed: "
                    + values.keySet());
        }
        // Constants and trainable loss parameters: read each call, the updater changes parameters in place.
        value = graph.getArrForVarName(name);
        if (value == null) {
            throw new IllegalStateException("variable '" + name + "' has no value before its use");
        }
        return value;
    }

    /** The variables an op reads (SameDiff keeps null for none); also what a {@link ScheduledOp} reads. */
    static List<String> inputs(SameDiffOp op) {
        return op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
    }

    /** The variables an op writes (SameDiff keeps null for none). */
    static List<String> outputs(SameDiffOp op) {
        return op.getOutputsOfOp() == null ? List.of() : op.getOutputsOfOp();
    }

    private static boolean supported(DifferentialFunction function) {
        if (function instanceof ExternalErrorsFunction) {
            return false;
        }
        if (function instanceof Identity || function instanceof GradientBackwardsMarker) {
            return true;
        }
        if (function instanceof DynamicCustomOp custom) {
            return !DATA_DEPENDENT_SHAPES.contains(custom.opName())
                    && !custom.getClass().getPackageName().contains("controlflow")
                    && !custom.getClass().getPackageName().contains("shape.tensorops");
        }
        return function instanceof BaseOp;
    }
}
