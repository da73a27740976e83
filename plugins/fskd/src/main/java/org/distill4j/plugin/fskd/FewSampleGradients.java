package org.distill4j.plugin.fskd;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One forward and backward pass with the loss computed outside the graph: forward in training mode, evaluate the
 * objective on the outputs, back-propagate its output gradients as external errors (one per graph output).
 */
public final class FewSampleGradients {

    private FewSampleGradients() {
    }

    /**
     * @return the batch loss and the gradient of every parameter, keyed {@code <vertex>_<parameter>} (copies)
     */
    public static FewSampleStep compute(ComputationGraph graph, FewSampleBatch batch, FewSampleObjective objective) {
        FewSampleLoss loss = objective.evaluate(forward(graph, batch, false), batch);
        Gradient gradient = graph.backpropGradient(loss.errors());
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradient.gradientForVariable().forEach((key, value) -> gradients.put(key, value.dup()));
        return new FewSampleStep(loss.value(), gradients);
    }

    /** The loss alone (no back-propagation), with the same forward pass as {@link #compute}. */
    public static double loss(ComputationGraph graph, FewSampleBatch batch, FewSampleObjective objective) {
        return objective.evaluate(forward(graph, batch, true), batch).value();
    }

    private static INDArray[] forward(ComputationGraph graph, FewSampleBatch batch, boolean clearInputs) {
        // Training mode so the layers keep what back-propagation needs; the folded student has no batch norm whose
        // statistics it would change.
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {batch.features()}, true, clearInputs);
        List<String> names = graph.getConfiguration().getNetworkOutputs();
        INDArray[] outputs = new INDArray[names.size()];
        for (int index = 0; index < outputs.length; index++) {
            outputs[index] = activations.get(names.get(index));
        }
        return outputs;
    }
}
