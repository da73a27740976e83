package org.distill4j.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A teacher's inference of several taps on different branches (logits and an embedding head) at once. */
class InferTapsTest {

    @Test
    void logitsAndAnEmbeddingOnAnotherBranchComeOutOfOneInference() {
        NetworkSpec spec = new NetworkSpec("branches", new InputShape(1, 8, 8), List.of(
                new NodeSpec.Conv2d("conv", NetworkSpec.INPUT, 4, 3, 1, 1, false),
                new NodeSpec.BatchNorm("bn", "conv"),
                new NodeSpec.Relu("relu", "bn"),
                new NodeSpec.GlobalAvgPool("pool", "relu"),
                new NodeSpec.Dense("embedding.linear", "pool", 6, true),
                new NodeSpec.L2Normalize("embedding", "embedding.linear"),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "pool", 3, true)));
        TrainableGraph network = new TrainableGraph(GraphBuilder.configure(spec,
                GraphSettings.inference(1).withTaps(Set.of("embedding"))));
        network.init();
        INDArray images = Nd4j.rand(DataType.FLOAT, 5, 1, 8, 8);

        Map<String, INDArray> both = network.infer(images, List.of("embedding", NetworkSpec.LOGITS));

        assertThat(both.get("embedding")).isEqualTo(network.infer(images, List.of("embedding")).get("embedding"));
        assertThat(both.get(NetworkSpec.LOGITS)).isEqualTo(network.infer(images, List.of(NetworkSpec.LOGITS))
                .get(NetworkSpec.LOGITS));
    }
}
