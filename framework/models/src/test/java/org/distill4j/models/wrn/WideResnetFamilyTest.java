package org.distill4j.models.wrn;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WideResnetFamilyTest {

    private static final InputShape CIFAR = new InputShape(3, 32, 32);

    @Test
    void wrn10x2HasStableVertexNames() {
        NetworkSpec spec = new WideResnetFamily(new WideResnetParams(10, 2)).specify(CIFAR, 10);

        assertThat(spec.names()).containsExactly(
                "stem.conv",
                "stage1.block1.bn1", "stage1.block1.relu1", "stage1.block1.conv1", "stage1.block1.bn2",
                "stage1.block1.relu2", "stage1.block1.conv2", "stage1.block1.shortcut.conv", "stage1.block1.add",
                "stage1.output",
                "stage2.block1.bn1", "stage2.block1.relu1", "stage2.block1.conv1", "stage2.block1.bn2",
                "stage2.block1.relu2", "stage2.block1.conv2", "stage2.block1.shortcut.conv", "stage2.block1.add",
                "stage2.output",
                "stage3.block1.bn1", "stage3.block1.relu1", "stage3.block1.conv1", "stage3.block1.bn2",
                "stage3.block1.relu2", "stage3.block1.conv2", "stage3.block1.shortcut.conv", "stage3.block1.add",
                "stage3.output",
                "bn", "relu", "pool", "logits");
    }

    @Test
    void theProjectionReadsTheFirstReluAndIdentityShortcutsReadTheBlockInput() {
        NetworkSpec spec = new WideResnetFamily(new WideResnetParams(16, 1)).specify(CIFAR, 10);

        assertThat(spec.node("stage1.block1.shortcut.conv")).isEmpty();
        assertThat(spec.node("stage1.block1.add").orElseThrow().inputs())
                .containsExactly("stage1.block1.conv2", "stem.conv");
        assertThat(spec.node("stage2.block1.shortcut.conv").orElseThrow())
                .isEqualTo(new NodeSpec.Conv2d("stage2.block1.shortcut.conv", "stage2.block1.relu1", 32, 1, 2, 0, false));
        assertThat(spec.node("stage2.block2.add").orElseThrow().inputs())
                .containsExactly("stage2.block2.conv2", "stage2.block1.add");
        assertThat(spec.node("stage1.output").orElseThrow().inputs()).containsExactly("stage1.block2.add");
        assertThat(spec.node("bn").orElseThrow().inputs()).containsExactly("stage3.output");
    }

    @Test
    void groupOutputsHaveTheAttentionTransferShapes() {
        NetworkSpec spec = new WideResnetFamily(new WideResnetParams(16, 2)).specify(CIFAR, 10);

        assertThat(spec.shape("stage1.output")).isEqualTo(TensorShape.map(32, 32, 32));
        assertThat(spec.shape("stage2.output")).isEqualTo(TensorShape.map(64, 16, 16));
        assertThat(spec.shape("stage3.output")).isEqualTo(TensorShape.map(128, 8, 8));
    }

    @Test
    void dropoutSitsBetweenTheTwoConvolutions() {
        NetworkSpec spec = new WideResnetFamily(new WideResnetParams(10, 1, 0.3)).specify(CIFAR, 10);

        assertThat(spec.node("stage1.block1.dropout").orElseThrow())
                .isEqualTo(new NodeSpec.Dropout("stage1.block1.dropout", "stage1.block1.relu2", 0.3));
        assertThat(spec.node("stage1.block1.conv2").orElseThrow().inputs()).containsExactly("stage1.block1.dropout");
    }

    @Test
    void aDepthThatIsNot6nPlus4IsRejectedWithTheRule() {
        assertThatThrownBy(() -> new WideResnetParams(17, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6n+4")
                .hasMessageContaining("got 17")
                .hasMessageContaining("16 and 22");
        assertThatThrownBy(() -> new WideResnetParams(16, 0)).hasMessageContaining("widen-factor must be >= 1");
        assertThatThrownBy(() -> new WideResnetParams(16, 1, 1.0)).hasMessageContaining("dropout");
    }
}
