package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ComputationGraph that trains from externally computed loss gradients ("external errors").
 *
 * <p>One {@link #step} forwards the batch in training mode inside DL4J's activation workspace, hands the graph
 * outputs (logits and taps) to a loss that returns the gradient for each output, back-propagates those through the
 * graph, lets a hook edit the parameter gradient (masks, sparsity terms), applies the graph's own updater and hook
 * again after the update. The public {@code backpropGradient(INDArray...)} cannot be used instead: it runs outside
 * the activation workspace and fails with BatchNorm while workspaces are enabled (docs/design.md §3).
 *
 * <p>For losses on input gradients it also back-propagates the cross-entropy alone, without touching parameters,
 * updater or counters ({@link #inputGradient}, {@link #crossEntropyParameterGradient}, from its superclass
 * {@link CrossEntropyGraph}), and takes a step whose gradient gets an extra term
 * ({@link #step(INDArray, OutputLoss, ExtraGradient, UpdateHook)}).
 */
public final class TrainableGraph extends CrossEntropyGraph {

    /** Computes the loss and its gradient for every graph output; runs outside any workspace. */
    @FunctionalInterface
    public interface OutputLoss {
        /**
         * @param outputs the graph's outputs by name, valid only during the call
         * @return the gradient for each output, in the order of {@link #outputNames()}
         */
        INDArray[] gradients(Map<String, INDArray> outputs);
    }

    /** Edits parameter gradients before the update and parameters after it. */
    public interface UpdateHook {
        UpdateHook NONE = new UpdateHook() { };

        /** Called with the flattened gradient (a view the updater will read) before the update. */
        default void beforeUpdate(TrainableGraph graph, Gradient gradient) {
        }

        /** Called after the parameters were updated. */
        default void afterUpdate(TrainableGraph graph) {
        }
    }

    /** The phases of a training step, as {@link PhaseClock} sees them. */
    public enum Phase { FORWARD, LOSS, BACKWARD, UPDATE }

    /**
     * Receives the wall time of each phase of every step; the benchmark's breakdown uses it. Recording is a pair of
     * {@code System.nanoTime()} calls per phase, so it stays on in training too.
     */
    @FunctionalInterface
    public interface PhaseClock {
        PhaseClock NONE = (phase, nanos) -> { };

        void record(Phase phase, long nanos);
    }

    private PhaseClock phaseClock = PhaseClock.NONE;

    public TrainableGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /** Where the wall time of each step's phases goes from now on ({@link PhaseClock#NONE} to stop). */
    public void setPhaseClock(PhaseClock clock) {
        this.phaseClock = Objects.requireNonNull(clock, "clock");
    }

    /** A trainable copy of any graph: the same configuration and parameters, fresh updater state. */
    public static TrainableGraph of(ComputationGraph graph) {
        TrainableGraph copy = new TrainableGraph(graph.getConfiguration().clone());
        copy.init(graph.params().dup(), false);
        return copy;
    }

    /**
     * Frees detached arrays now rather than when the garbage collector finds their Java objects. A training step's
     * detached arrays (a batch's features, the teacher's activations, {@link #infer}'s outputs) are native memory the
     * heap does not see: with a small heap the collector runs rarely, and resident memory grew by about 10 MB per KD
     * step of the benchmark, to 5 GB after 500 steps (issue 18). Views and workspace arrays are left alone.
     */
    public static void release(Collection<INDArray> arrays) {
        Set<INDArray> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (INDArray array : arrays) {
            if (array != null && seen.add(array) && array.closeable()) {
                array.close();
            }
        }
    }

    /** Sets the epoch that learning-rate schedules inside DL4J updaters and layer counters see. */
    public void setEpoch(int epoch) {
        getConfiguration().setEpochCount(epoch);
    }

    /**
     * Adds to the step's parameter gradient what the output gradients cannot express; see
     * {@link #step(INDArray, OutputLoss, ExtraGradient, UpdateHook)}.
     */
    @FunctionalInterface
    public interface ExtraGradient {
        /**
         * Called after the step's back-propagation, outside any workspace; it may run further passes of the graph
         * (they overwrite the graph's gradient view, which the step restores).
         *
         * @return a detached vector of {@link #numParams()} values to add to the flattened parameter gradient, or null
         *         for none
         */
        INDArray gradient();
    }

    /** One training step on a batch. */
    public void step(INDArray features, OutputLoss loss, UpdateHook hook) {
        Objects.requireNonNull(hook, "hook");
        update(backpropagate(features, loss), hook);
    }

    /**
     * One training step whose parameter gradient is the back-propagated output gradients plus {@code extra} (the
     * finite-difference term of a loss on input gradients), added before the hook and the updater see it.
     */
    public void step(INDArray features, OutputLoss loss, ExtraGradient extra, UpdateHook hook) {
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(hook, "hook");
        Gradient gradient = backpropagate(features, loss);
        INDArray regular;
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            regular = gradient.gradient().dup();
        }
        INDArray addition = extra.gradient();
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            if (addition != null) {
                if (addition.length() != regular.length()) {
                    throw new IllegalArgumentException("an extra gradient needs " + regular.length()
                            + " values (one per parameter), got " + addition.length());
                }
                regular.addi(addition.reshape(regular.shape()).castTo(regular.dataType()));
            }
            // The extra passes left their own gradients in the view the updater reads.
            gradient.gradient().assign(regular);
        }
        update(gradient, hook);
    }

    /** Forward in training mode inside the activation workspace, then back-propagate the loss's output gradients. */
    private Gradient backpropagate(INDArray features, OutputLoss loss) {
        synchronizeIterEpochCounts();
        LayerWorkspaceMgr workspaces = trainingWorkspaces();
        try (MemoryWorkspace activationsScope = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            long start = System.nanoTime();
            Map<String, INDArray> activations = ffToLayerActivationsInWS(true, -1, null, FwdPassType.STANDARD, false,
                    new INDArray[] {features}, null, null, false);
            Map<String, INDArray> outputs = new LinkedHashMap<>();
            for (String name : outputNames()) {
                outputs.put(name, activations.get(name));
            }
            long forwardEnd = System.nanoTime();
            phaseClock.record(Phase.FORWARD, forwardEnd - start);
            INDArray[] epsilons;
            // The loss graph allocates its own arrays; keep them out of DL4J's cyclic activation workspace.
            try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                epsilons = loss.gradients(outputs);
            }
            long lossEnd = System.nanoTime();
            phaseClock.record(Phase.LOSS, lossEnd - forwardEnd);
            calcBackpropGradients(true, false, epsilons);
            phaseClock.record(Phase.BACKWARD, System.nanoTime() - lossEnd);
        }
        return gradient();
    }

    private void update(Gradient gradient, UpdateHook hook) {
        long start = System.nanoTime();
        hook.beforeUpdate(this, gradient);
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            // The losses are means over the batch already, so the updater must not divide by the batch size again.
            getUpdater().update(gradient, getIterationCount(), getEpochCount(), 1, LayerWorkspaceMgr.noWorkspaces());
            params().subi(gradient.gradient());
        }
        applyConstraints(getIterationCount(), getEpochCount());
        hook.afterUpdate(this);
        getConfiguration().setIterationCount(getIterationCount() + 1);
        for (GraphVertex vertex : getVertices()) {
            vertex.clear();
        }
        phaseClock.record(Phase.UPDATE, System.nanoTime() - start);
    }

    /**
     * The layers whose training forward differs from inference, by name: BatchNorm (batch statistics) and dropout
     * (a dropout layer, or any layer with dropout on its input).
     */
    public List<String> modeDependentLayers() {
        List<String> found = new ArrayList<>();
        for (GraphVertex vertex : getVertices()) {
            if (!vertex.hasLayer()) {
                continue;
            }
            Layer layer = vertex.getLayer().conf().getLayer();
            if (layer instanceof BatchNormalization || layer instanceof DropoutLayer || layer.getIDropout() != null) {
                found.add(vertex.getVertexName());
            }
        }
        return found;
    }

    /**
     * Activations of the named vertices in inference mode (BatchNorm running statistics, no dropout), detached.
     *
     * <p>Layers come out of one forward pass. A vertex that is no layer (an l2-normalize head, a residual sum) gets a
     * pass of its own: in DL4J 1.0.0-M2.1, {@code outputOfLayersDetached} asked for such a vertex together with
     * another output leaves a workspace open and throws "Expected no workspace active at the end of
     * outputOfLayerDetached" (measured with the logits and the embedding head of an embedding net).
     */
    public Map<String, INDArray> infer(INDArray features, List<String> vertices) {
        List<String> layers = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String name : vertices) {
            GraphVertex vertex = getVertex(name);
            if (vertex == null) {
                throw new IllegalArgumentException("no vertex '" + name + "' in this network");
            }
            (vertex.hasLayer() ? layers : others).add(name);
        }
        Map<String, INDArray> found = new LinkedHashMap<>();
        if (!layers.isEmpty()) {
            found.putAll(inferTogether(features, layers));
        }
        for (String other : others) {
            found.putAll(inferTogether(features, List.of(other)));
        }
        Map<String, INDArray> result = new LinkedHashMap<>();
        vertices.forEach(name -> result.put(name, found.get(name)));
        return result;
    }

    private Map<String, INDArray> inferTogether(INDArray features, List<String> vertices) {
        int[] indices = new int[vertices.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = getVertex(vertices.get(i)).getVertexIndex();
        }
        INDArray[] outputs = outputOfLayersDetached(false, FwdPassType.STANDARD, indices, new INDArray[] {features},
                null, null, true, false, null);
        Map<String, INDArray> result = new LinkedHashMap<>();
        for (int i = 0; i < indices.length; i++) {
            result.put(vertices.get(i), outputs[i]);
        }
        return result;
    }
}
