package org.distill4j.models.nin;

import org.distill4j.api.network.ActivationFunction;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NinFamilyTest {

    private static final InputShape FASHION = new InputShape(1, 28, 28);

    @Test
    void blocksHaveStableNamesAndTheChosenFunctionAndPooling() {
        NetworkSpec spec = new NinFamily(new NinParams(List.of(8, 16, 32), ActivationFunction.ELU, NinPool.AVG))
                .specify(FASHION, 10);

        assertThat(spec.names()).containsExactly(
                "block1.conv1", "block1.conv1.elu", "block1.conv2", "block1.conv2.elu", "block1.conv3",
                "block1.conv3.elu", "block1.output", "pool1",
                "block2.conv1", "block2.conv1.elu", "block2.conv2", "block2.conv2.elu", "block2.conv3",
                "block2.conv3.elu", "block2.output", "pool2",
                "block3.conv1", "block3.conv1.elu", "block3.conv2", "block3.conv2.elu", "block3.conv3",
                "block3.conv3.elu", "block3.output", "pool", "logits");
        assertThat(spec.node("block2.conv1.elu").orElseThrow())
                .isEqualTo(new NodeSpec.Activation("block2.conv1.elu", "block2.conv1", ActivationFunction.ELU));
        assertThat(spec.node("pool1").orElseThrow()).isEqualTo(new NodeSpec.AvgPool("pool1", "block1.output", 2, 2));
        assertThat(spec.nodes()).noneMatch(node -> node instanceof NodeSpec.BatchNorm
                || node instanceof NodeSpec.Dropout || node instanceof NodeSpec.Relu);
    }

    @Test
    void thePaperFormHasReluAndMaxPools() {
        NetworkSpec spec = new NinFamily(new NinParams(List.of(8, 8, 8), ActivationFunction.RELU, NinPool.MAX))
                .specify(FASHION, 10);

        assertThat(spec.node("block1.conv1.relu").orElseThrow()).isEqualTo(new NodeSpec.Relu("block1.conv1.relu",
                "block1.conv1"));
        assertThat(spec.node("pool2").orElseThrow()).isEqualTo(new NodeSpec.MaxPool("pool2", "block2.output", 2, 2));
    }

    @Test
    void kernelsAreFiveFiveThreeThenOneByOneAndBlocksHalveTheMap() {
        NetworkSpec spec = new NinFamily(new NinParams(List.of(8, 16, 32), ActivationFunction.SOFTPLUS, NinPool.AVG))
                .specify(FASHION, 10);

        assertThat(((NodeSpec.Conv2d) spec.node("block1.conv1").orElseThrow()).kernel()).isEqualTo(5);
        assertThat(((NodeSpec.Conv2d) spec.node("block2.conv1").orElseThrow()).kernel()).isEqualTo(5);
        assertThat(((NodeSpec.Conv2d) spec.node("block3.conv1").orElseThrow()).kernel()).isEqualTo(3);
        assertThat(((NodeSpec.Conv2d) spec.node("block3.conv3").orElseThrow()).kernel()).isEqualTo(1);
        assertThat(spec.shape("block1.output")).isEqualTo(TensorShape.map(8, 28, 28));
        assertThat(spec.shape("block2.output")).isEqualTo(TensorShape.map(16, 14, 14));
        assertThat(spec.shape("block3.output")).isEqualTo(TensorShape.map(32, 7, 7));
    }

    @Test
    void parameterCountFollowsTheBlockFormula() {
        int width = 64;
        NetworkSpec spec = new NinFamily(new NinParams(List.of(width, width, width), ActivationFunction.ELU,
                NinPool.AVG)).specify(FASHION, 10);
        long oneByOnePairs = 3L * 2 * (width * width + width);
        long expected = (25L * width + width) + (25L * width * width + width) + (9L * width * width + width)
                + oneByOnePairs + (10L * width + 10);

        assertThat(spec.statistics().parameters()).isEqualTo(expected);
    }

    @Test
    void widthsNeedOneEntryPerBlock() {
        assertThatThrownBy(() -> new NinParams(List.of(8, 8), ActivationFunction.RELU, NinPool.MAX))
                .hasMessageContaining("one width per block, 3 in all")
                .hasMessageContaining("[8, 8]");
    }
}
