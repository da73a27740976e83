package org.distill4j.models.embedding;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmbeddingNetFamilyTest {

    private static final InputShape FASHION = new InputShape(1, 28, 28);

    @Test
    void stagesPoolBetweenThemAndTwoHeadsReadThePooledFeature() {
        NetworkSpec spec = new EmbeddingNetFamily(new EmbeddingNetParams(List.of(8, 16), 2, 32)).specify(FASHION, 5);

        assertThat(spec.names()).containsExactly(
                "stage1.conv1", "stage1.bn1", "stage1.relu1", "stage1.conv2", "stage1.bn2", "stage1.relu2",
                "stage1.output", "pool1",
                "stage2.conv1", "stage2.bn1", "stage2.relu1", "stage2.conv2", "stage2.bn2", "stage2.relu2",
                "stage2.output", "pool", "embedding.linear", "embedding", "logits");
        assertThat(spec.shape("stage2.output")).isEqualTo(TensorShape.map(16, 14, 14));
        assertThat(spec.shape("embedding")).isEqualTo(TensorShape.vector(32));
        assertThat(spec.shape("logits")).isEqualTo(TensorShape.vector(5));
        assertThat(spec.node("logits").orElseThrow()).isEqualTo(new NodeSpec.Dense("logits", "pool", 5, true));
        assertThat(spec.node("embedding").orElseThrow()).isEqualTo(new NodeSpec.L2Normalize("embedding",
                "embedding.linear"));
    }

    @Test
    void theEmbeddingHasUnitLength() {
        NetworkSpec spec = new EmbeddingNetFamily(new EmbeddingNetParams(List.of(4, 8), 1, 16)).specify(FASHION, 3);
        ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(1).withTaps(java.util.Set.of("embedding")));
        INDArray images = Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28);

        INDArray embedding = graph.feedForward(images, false).get("embedding");

        assertThat(embedding.norm2(1).toDoubleVector()).containsExactly(new double[] {1, 1, 1}, within(1e-5));
    }

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> new EmbeddingNetParams(List.of(8), 0, 16)).hasMessageContaining("convolutions-per-stage");
        assertThatThrownBy(() -> new EmbeddingNetParams(List.of(8), 1, 0)).hasMessageContaining("embedding-size");
    }
}
