package org.distill4j.kernel.engine;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainableGraphTest {

    /**
     * The external-errors step with a SameDiff cross-entropy must move the parameters (BatchNorm running statistics
     * included) exactly as DL4J's own fit with a softmax output layer does.
     */
    @Test
    void externalErrorStepEqualsDl4jsOwnFit() {
        TrainableGraph ours = TinyNetworks.convolutional(3, 3, false);
        ComputationGraph reference = referenceWithOutputLayer(ours);
        reference.setParams(ours.params().dup());
        Updaters.configure(ours, new SgdOptimizer(new SgdParams(0.1, 0, false, 0)), new ConstantSchedule(), 1);

        var data = TinyNetworks.data(3, 16, 0, 0, 5).train();
        int[] labels = data.labels();
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("ce", new TrainerTest.CrossEntropy(), 1.0)),
                Map.of("logits", TensorShape.vector(3)), Map.of(), 3);

        for (int step = 0; step < 3; step++) {
            ours.step(data.features(), outputs -> new INDArray[] {
                    loss.evaluate(Map.of("logits", outputs.get("logits")), Map.of(), labels).gradients().get("logits")},
                    TrainableGraph.UpdateHook.NONE);
            reference.fit(new MultiDataSet(data.features(), CompiledLoss.oneHot(labels, 3)));
        }

        assertThat(ours.params().sub(reference.params()).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(ours.params().sub(TinyNetworks.convolutional(3, 3, false).params()).amaxNumber().doubleValue())
                .isGreaterThan(1e-3);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "nesterov {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void momentumSgdFollowsPytorchsFormula(boolean nesterov) {
        TrainableGraph graph = TinyNetworks.convolutional(4, 3, false);
        INDArray before = graph.params().dup();
        double learningRate = 0.1;
        double momentum = 0.9;
        Updaters.configure(graph, new SgdOptimizer(new SgdParams(learningRate, momentum, nesterov, 0)),
                new ConstantSchedule(), 1);
        var data = TinyNetworks.data(3, 8, 0, 0, 5).train();
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("ce", new TrainerTest.CrossEntropy(), 1.0)),
                Map.of("logits", TensorShape.vector(3)), Map.of(), 3);
        INDArray[] gradients = new INDArray[2];
        INDArray[] parameters = new INDArray[3];
        parameters[0] = before;
        for (int step = 0; step < 2; step++) {
            int index = step;
            graph.step(data.features(), outputs -> new INDArray[] {
                    loss.evaluate(Map.of("logits", outputs.get("logits")), Map.of(), data.labels()).gradients().get("logits")},
                    new TrainableGraph.UpdateHook() {
                        @Override
                        public void beforeUpdate(TrainableGraph network, org.deeplearning4j.nn.gradient.Gradient gradient) {
                            gradients[index] = gradient.gradient().dup();
                        }
                    });
            parameters[step + 1] = graph.params().dup();
        }
        // v1 = g0; v2 = mu v1 + g1; Nesterov: w1 = w0 - lr (g0 + mu v1), w2 = w1 - lr (g1 + mu v2); plain:
        // w1 = w0 - lr v1, w2 = w1 - lr v2. BatchNorm running statistics are not trained by gradient, so compare
        // only where the update is a gradient step.
        INDArray velocity1 = gradients[0];
        INDArray velocity2 = velocity1.mul(momentum).add(gradients[1]);
        INDArray step1 = nesterov ? gradients[0].add(velocity1.mul(momentum)) : velocity1;
        INDArray step2 = nesterov ? gradients[1].add(velocity2.mul(momentum)) : velocity2;
        INDArray expected1 = before.sub(step1.mul(learningRate));
        INDArray expected2 = parameters[1].sub(step2.mul(learningRate));
        INDArray trained = trainableMask(graph);
        assertThat(expected1.sub(parameters[1]).mul(trained).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(expected2.sub(parameters[2]).mul(trained).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    private static INDArray trainableMask(TrainableGraph graph) {
        INDArray mask = Nd4j.onesLike(graph.params());
        long offset = 0;
        for (var layer : graph.getLayers()) {
            for (Map.Entry<String, INDArray> parameter : layer.paramTable().entrySet()) {
                long length = parameter.getValue().length();
                if (parameter.getKey().equals("mean") || parameter.getKey().equals("var")
                        || parameter.getKey().equals("log10stdev")) {
                    mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + length)).assign(0);
                }
                offset += length;
            }
        }
        return mask;
    }

    private static ComputationGraph referenceWithOutputLayer(TrainableGraph ours) {
        ComputationGraphConfiguration configuration = ours.getConfiguration().clone();
        var logits = (org.deeplearning4j.nn.conf.graph.LayerVertex) configuration.getVertices().get("logits");
        var dense = (org.deeplearning4j.nn.conf.layers.DenseLayer) logits.getLayerConf().getLayer();
        OutputLayer output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(dense.getNIn()).nOut(dense.getNOut()).activation(Activation.SOFTMAX)
                .weightInit(dense.getWeightInitFn()).updater(new Sgd(0.1)).build();
        output.setLayerName("logits");
        logits.getLayerConf().setLayer(output);
        for (var vertex : configuration.getVertices().values()) {
            if (vertex instanceof org.deeplearning4j.nn.conf.graph.LayerVertex layerVertex
                    && layerVertex.getLayerConf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer base) {
                base.setIUpdater(new Sgd(0.1));
            }
        }
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return graph;
    }
}
