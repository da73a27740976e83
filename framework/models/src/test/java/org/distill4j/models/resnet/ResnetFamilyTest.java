package org.distill4j.models.resnet;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResnetFamilyTest {

    private static final InputShape CIFAR = new InputShape(3, 32, 32);

    @Test
    void resnet8HasStableVertexNames() {
        NetworkSpec spec = new ResnetFamily(new ResnetParams(8)).specify(CIFAR, 10);

        assertThat(spec.names()).containsExactly(
                "stem.conv", "stem.bn", "stem.relu",
                "stage1.block1.conv1", "stage1.block1.bn1", "stage1.block1.relu1", "stage1.block1.conv2",
                "stage1.block1.bn2", "stage1.block1.add", "stage1.block1.relu2", "stage1.output",
                "stage2.block1.conv1", "stage2.block1.bn1", "stage2.block1.relu1", "stage2.block1.conv2",
                "stage2.block1.bn2", "stage2.block1.shortcut.conv", "stage2.block1.shortcut.bn", "stage2.block1.add",
                "stage2.block1.relu2", "stage2.output",
                "stage3.block1.conv1", "stage3.block1.bn1", "stage3.block1.relu1", "stage3.block1.conv2",
                "stage3.block1.bn2", "stage3.block1.shortcut.conv", "stage3.block1.shortcut.bn", "stage3.block1.add",
                "stage3.block1.relu2", "stage3.output",
                "pool", "logits");
    }

    @Test
    void blocksWireTheShortcutFromTheBlockInputAndDownsampleInStagesTwoAndThree() {
        NetworkSpec spec = new ResnetFamily(new ResnetParams(20)).specify(CIFAR, 10);

        assertThat(spec.node("stage1.block2.add").orElseThrow().inputs())
                .containsExactly("stage1.block2.bn2", "stage1.block1.relu2");
        assertThat(spec.node("stage2.block1.shortcut.conv").orElseThrow())
                .isEqualTo(new NodeSpec.Conv2d("stage2.block1.shortcut.conv", "stage1.output", 32, 1, 2, 0, false));
        assertThat(spec.node("stage2.block1.conv1").orElseThrow())
                .isEqualTo(new NodeSpec.Conv2d("stage2.block1.conv1", "stage1.output", 32, 3, 2, 1, false));
        assertThat(spec.node("stage2.block2.shortcut.conv")).isEmpty();
        assertThat(spec.shape("stage1.output")).isEqualTo(TensorShape.map(16, 32, 32));
        assertThat(spec.shape("stage2.output")).isEqualTo(TensorShape.map(32, 16, 16));
        assertThat(spec.shape("stage3.output")).isEqualTo(TensorShape.map(64, 8, 8));
        assertThat(spec.shape("logits")).isEqualTo(TensorShape.vector(10));
    }

    @Test
    void stageOutputsKeepTheirNamesAcrossDepthsAndInputSizes() {
        NetworkSpec shallow = new ResnetFamily(new ResnetParams(8)).specify(new InputShape(1, 28, 28), 10);
        NetworkSpec deep = new ResnetFamily(new ResnetParams(20)).specify(CIFAR, 10);

        for (String tap : List.of("stem.relu", "stage1.output", "stage2.output", "stage3.output")) {
            assertThat(shallow.shape(tap).channels()).isEqualTo(deep.shape(tap).channels());
        }
        assertThat(shallow.shape("stage3.output")).isEqualTo(TensorShape.map(64, 7, 7));
    }

    @Test
    void widthsScaleTheStemAndTheStages() {
        NetworkSpec spec = new ResnetFamily(new ResnetParams(8, List.of(32, 64, 128))).specify(CIFAR, 10);

        assertThat(spec.shape("stem.conv").channels()).isEqualTo(32);
        assertThat(spec.shape("stage3.output").channels()).isEqualTo(128);
        assertThat(spec.node("stage1.block1.shortcut.conv")).isEmpty();
    }

    @Test
    void aDepthThatIsNot6nPlus2IsRejectedWithTheRule() {
        assertThatThrownBy(() -> new ResnetParams(21))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6n+2")
                .hasMessageContaining("got 21")
                .hasMessageContaining("20 and 26");
        assertThatThrownBy(() -> new ResnetParams(2)).hasMessageContaining("6n+2");
    }

    @Test
    void badWidthsAreRejected() {
        assertThatThrownBy(() -> new ResnetParams(20, List.of(16, -32, 64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("widths[1]")
                .hasMessageContaining(">= 1")
                .hasMessageContaining("-32");
        assertThatThrownBy(() -> new ResnetParams(20, List.of(16, 32)))
                .hasMessageContaining("3 stage widths");
    }

    @Test
    void classesMustBePositive() {
        assertThatThrownBy(() -> new ResnetFamily(new ResnetParams(8)).specify(CIFAR, 0))
                .hasMessageContaining("classes must be >= 1");
    }
}
