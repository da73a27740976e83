package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * the activation workspace and fails with BatchNorm while workspaces are enabled (design.md §3).
 */
public final class TrainableGraph extends ComputationGraph {

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

    public TrainableGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /** A trainable copy of any graph: the same configuration and parameters, fresh updater state. */
    public static TrainableGraph of(ComputationGraph graph) {
        TrainableGraph copy = new TrainableGraph(graph.getConfiguration().clone());
        copy.init(graph.params().dup(), false);
        return copy;
    }

    /** Sets the epoch that learning-rate schedules inside DL4J updaters and layer counters see. */
    public void setEpoch(int epoch) {
        getConfiguration().setEpochCount(epoch);
    }

    public List<String> outputNames() {
        return getConfiguration().getNetworkOutputs();
    }

    /** One training step on a batch. */
    public void step(INDArray features, OutputLoss loss, UpdateHook hook) {
        Objects.requireNonNull(hook, "hook");
        synchronizeIterEpochCounts();
        LayerWorkspaceMgr workspaces = trainingWorkspaces();
        try (MemoryWorkspace activationsScope = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            Map<String, INDArray> activations = ffToLayerActivationsInWS(true, -1, null, FwdPassType.STANDARD, false,
                    new INDArray[] {features}, null, null, false);
            Map<String, INDArray> outputs = new LinkedHashMap<>();
            for (String name : outputNames()) {
                outputs.put(name, activations.get(name));
            }
            INDArray[] epsilons;
            // The loss graph allocates its own arrays; keep them out of DL4J's cyclic activation workspace.
            try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                epsilons = loss.gradients(outputs);
            }
            calcBackpropGradients(true, false, epsilons);
        }
        Gradient gradient = gradient();
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
    }

    /** Activations of the named vertices in inference mode (BatchNorm running statistics, no dropout), detached. */
    public Map<String, INDArray> infer(INDArray features, List<String> vertices) {
        int[] indices = new int[vertices.size()];
        for (int i = 0; i < indices.length; i++) {
            GraphVertex vertex = getVertex(vertices.get(i));
            if (vertex == null) {
                throw new IllegalArgumentException("no vertex '" + vertices.get(i) + "' in this network");
            }
            indices[i] = vertex.getVertexIndex();
        }
        INDArray[] outputs = outputOfLayersDetached(false, FwdPassType.STANDARD, indices, new INDArray[] {features},
                null, null, true, false, null);
        Map<String, INDArray> result = new LinkedHashMap<>();
        for (int i = 0; i < indices.length; i++) {
            result.put(vertices.get(i), outputs[i]);
        }
        return result;
    }

    private LayerWorkspaceMgr trainingWorkspaces() {
        LayerWorkspaceMgr manager;
        if (getConfiguration().getTrainingWorkspaceMode() == WorkspaceMode.NONE) {
            manager = LayerWorkspaceMgr.noWorkspaces();
        } else {
            manager = LayerWorkspaceMgr.builder()
                    .with(ArrayType.ACTIVATIONS, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG)
                    .with(ArrayType.INPUT, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG)
                    .with(ArrayType.FF_WORKING_MEM, WS_LAYER_WORKING_MEM, WS_LAYER_WORKING_MEM_CONFIG)
                    .with(ArrayType.BP_WORKING_MEM, WS_LAYER_WORKING_MEM, WS_LAYER_WORKING_MEM_CONFIG)
                    .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM_CONFIG)
                    .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM_CONFIG)
                    .build();
        }
        manager.setHelperWorkspacePointers(helperWorkspaces);
        return manager;
    }
}
