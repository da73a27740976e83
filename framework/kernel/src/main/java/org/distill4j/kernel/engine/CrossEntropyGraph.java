package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A ComputationGraph that back-propagates the cross-entropy of its logits alone, without touching parameters, updater
 * or counters: the passes losses on input gradients need besides the training step ({@link #inputGradient},
 * {@link #crossEntropyParameterGradient}). Only {@link TrainableGraph} extends it; the passes are a superclass rather
 * than a helper because they run DL4J's forward and backward in its workspaces through methods and fields
 * {@code ComputationGraph} keeps protected.
 */
abstract class CrossEntropyGraph extends ComputationGraph {

    /** BatchNorm's running mean and variance (or log10 standard deviation), which DL4J updates through the gradient. */
    private static final List<String> RUNNING_STATISTICS = List.of(BatchNormalizationParamInitializer.GLOBAL_MEAN,
            BatchNormalizationParamInitializer.GLOBAL_VAR, BatchNormalizationParamInitializer.GLOBAL_LOG_STD);

    CrossEntropyGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    public List<String> outputNames() {
        return getConfiguration().getNetworkOutputs();
    }

    /**
     * The per-sample input gradient {@code J_b = dCE(logits(x_b), y_b)/dx_b} of a batch, shaped like the features:
     * a forward in training mode, the cross-entropy gradient of the logits (the first graph output) as its external
     * error, zeros for the other outputs. Parameters, updater state, the iteration count and BatchNorm running
     * statistics are left as they are. With BatchNorm, training mode couples the samples through the batch
     * statistics; for a graph without BatchNorm and dropout it equals the inference-mode gradient.
     */
    public INDArray inputGradient(INDArray features, int[] labels) {
        CapturingInputVertex input = capturingInput();
        input.forget();
        return backpropagateCrossEntropy(features, labels, input::captured);
    }

    /**
     * The flattened parameter gradient of the summed cross-entropy {@code sum_b CE(logits(x_b), y_b)} of a batch,
     * forward in training mode, detached, with zeros for BatchNorm's running statistics (DL4J keeps their update in
     * the gradient vector; the step's own pass updates them, an extra pass must not). Parameters, updater state and
     * the iteration count are left as they are.
     */
    public INDArray crossEntropyParameterGradient(INDArray features, int[] labels) {
        return backpropagateCrossEntropy(features, labels, () -> {
            Gradient gradient = gradient();
            for (GraphVertex vertex : getVertices()) {
                if (vertex.hasLayer() && vertex.getLayer().conf().getLayer() instanceof BatchNormalization) {
                    for (String statistic : RUNNING_STATISTICS) {
                        INDArray view = gradient.gradientForVariable().get(vertex.getVertexName() + "_" + statistic);
                        if (view != null) {
                            view.assign(0);
                        }
                    }
                }
            }
            return gradient.gradient();
        });
    }

    /**
     * The input vertex, replaced on first use by one that copies its gradient out of DL4J's activation-gradient
     * workspaces as back-propagation sets it (see {@link CapturingInputVertex}). Other vertices address it by index,
     * which the replacement keeps.
     */
    private CapturingInputVertex capturingInput() {
        GraphVertex input = getVertex(inputName());
        if (input instanceof CapturingInputVertex capturing) {
            return capturing;
        }
        CapturingInputVertex replacement = CapturingInputVertex.replacing(this, input);
        vertices[input.getVertexIndex()] = replacement;
        verticesMap.put(input.getVertexName(), replacement);
        return replacement;
    }

    /**
     * Forward in training mode, back-propagate the summed cross-entropy of the logits, and return a detached copy of
     * what {@code read} returns. Workspaces stay as configured: parameter gradients live in the persistent gradient
     * view, and the input's gradient is copied out as it is set ({@link #capturingInput}).
     */
    private INDArray backpropagateCrossEntropy(INDArray features, int[] labels, Supplier<INDArray> read) {
        // DL4J's back-propagation may leave a closed activation workspace as the thread's current one; later
        // allocations would land in it.
        MemoryWorkspace outerWorkspace = Nd4j.getMemoryManager().getCurrentWorkspace();
        LayerWorkspaceMgr workspaces = trainingWorkspaces();
        try (MemoryWorkspace activationsScope = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            Map<String, INDArray> activations = ffToLayerActivationsInWS(true, -1, null, FwdPassType.STANDARD, false,
                    new INDArray[] {features}, null, null, false);
            INDArray[] epsilons;
            try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                epsilons = crossEntropyEpsilons(activations, labels);
            }
            calcBackpropGradients(false, false, epsilons);
            try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                INDArray value = read.get();
                if (value == null) {
                    throw new IllegalStateException("back-propagation left no gradient at the input of this network");
                }
                return value.dup();
            }
        } finally {
            Nd4j.getMemoryManager().setCurrentWorkspace(outerWorkspace);
            for (GraphVertex vertex : getVertices()) {
                vertex.clear();
            }
        }
    }

    /** {@code softmax(logits) - onehot(labels)} for the logits, zeros for every other output. */
    private INDArray[] crossEntropyEpsilons(Map<String, INDArray> activations, int[] labels) {
        List<String> names = outputNames();
        INDArray[] epsilons = new INDArray[names.size()];
        INDArray logits = activations.get(names.get(0));
        if (logits.rank() != 2 || logits.size(0) != labels.length) {
            throw new IllegalArgumentException("the first output '" + names.get(0) + "' must be the logits, [batch, "
                    + "classes] for " + labels.length + " labels; got shape " + Arrays.toString(logits.shape()));
        }
        epsilons[0] = Transforms.softmax(logits, true)
                .subi(CompiledLoss.oneHot(labels, logits.size(1)).castTo(logits.dataType()));
        for (int i = 1; i < epsilons.length; i++) {
            epsilons[i] = Nd4j.zerosLike(activations.get(names.get(i)));
        }
        return epsilons;
    }

    private String inputName() {
        return getConfiguration().getNetworkInputs().get(0);
    }

    /** DL4J's workspaces for a training pass, as {@code ComputationGraph} sets them up for its own fitting. */
    final LayerWorkspaceMgr trainingWorkspaces() {
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
