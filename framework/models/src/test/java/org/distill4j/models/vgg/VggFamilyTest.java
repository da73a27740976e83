package org.distill4j.models.vgg;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VggFamilyTest {

    private static final InputShape FASHION = new InputShape(1, 28, 28);
    private static final InputShape CIFAR = new InputShape(3, 32, 32);

    @Test
    void aSmallCustomVggHasStableVertexNames() {
        VggParams params = new VggParams(null, List.of("8", "M", "16", "16", "M"), 1, true, List.of(32), 0.5,
                VggFinalPool.GLOBAL_AVG);

        NetworkSpec spec = new VggFamily(params).specify(CIFAR, 10);

        assertThat(spec.names()).containsExactly(
                "conv1", "conv1.bn", "conv1.relu", "pool1",
                "conv2", "conv2.bn", "conv2.relu", "conv3", "conv3.bn", "conv3.relu", "pool2",
                "pool", "fc1", "fc1.relu", "fc1.dropout", "logits");
        assertThat(spec.node("conv2").orElseThrow()).isEqualTo(new NodeSpec.Conv2d("conv2", "pool1", 16, 3, 1, 1, false));
        assertThat(spec.shape("pool")).isEqualTo(TensorShape.vector(16));
    }

    @Test
    void withoutBatchNormConvolutionsHaveABias() {
        VggParams params = new VggParams(null, List.of("8", "M"), 1, false, List.of(), 0, VggFinalPool.FLATTEN);

        NetworkSpec spec = new VggFamily(params).specify(CIFAR, 10);

        assertThat(spec.names()).containsExactly("conv1", "conv1.relu", "pool1", "logits");
        assertThat(((NodeSpec.Conv2d) spec.node("conv1").orElseThrow()).bias()).isTrue();
        // Flatten: the classifier reads all 8 x 16 x 16 values.
        assertThat(spec.statistics().parametersByVertex().get("logits")).isEqualTo(8L * 16 * 16 * 10 + 10);
    }

    @Test
    void onTwentyEightPixelsTheFifthPoolOfVgg16PassesTheOneByOneMapThrough() {
        NetworkSpec spec = new VggFamily(VggParams.of(VggPreset.VGG16, 0.25)).specify(FASHION, 10);

        assertThat(spec.shape("pool1")).isEqualTo(TensorShape.map(16, 14, 14));
        assertThat(spec.shape("pool2")).isEqualTo(TensorShape.map(32, 7, 7));
        assertThat(spec.shape("pool3")).isEqualTo(TensorShape.map(64, 3, 3));
        assertThat(spec.shape("pool4")).isEqualTo(TensorShape.map(128, 1, 1));
        assertThat(spec.node("pool4").orElseThrow()).isInstanceOf(NodeSpec.MaxPool.class);
        assertThat(spec.node("pool5").orElseThrow()).isEqualTo(new NodeSpec.Identity("pool5", "conv13.relu"));
        assertThat(spec.shape("pool5")).isEqualTo(TensorShape.map(128, 1, 1));
    }

    @Test
    void onThirtyTwoPixelsEveryPoolHalvesTheMap() {
        NetworkSpec spec = new VggFamily(VggParams.of(VggPreset.VGG19, 0.25)).specify(CIFAR, 10);

        assertThat(spec.nodes().stream().filter(NodeSpec.MaxPool.class::isInstance)).hasSize(5);
        assertThat(spec.shape("pool5")).isEqualTo(TensorShape.map(128, 1, 1));
        assertThat(spec.names()).contains("conv16").doesNotContain("conv17");
    }

    @Test
    void presetsAndInputSizesGiveTheSameNamesAndParameterCounts() {
        for (VggPreset preset : VggPreset.values()) {
            NetworkSpec fashion = new VggFamily(VggParams.of(preset, 1)).specify(new InputShape(3, 28, 28), 10);
            NetworkSpec cifar = new VggFamily(VggParams.of(preset, 1)).specify(CIFAR, 10);

            assertThat(fashion.names()).as(preset.name()).isEqualTo(cifar.names());
            assertThat(fashion.statistics().parameters()).as(preset.name()).isEqualTo(cifar.statistics().parameters());
        }
    }

    @Test
    void theWidthMultiplierRoundsHalfUpAndKeepsAtLeastOneChannel() {
        VggParams params = new VggParams(null, List.of("10", "2", "64"), 0.25, true, List.of(), 0,
                VggFinalPool.FLATTEN);

        NetworkSpec spec = new VggFamily(params).specify(CIFAR, 10);

        assertThat(spec.shape("conv1").channels()).isEqualTo(3);
        assertThat(spec.shape("conv2").channels()).isEqualTo(1);
        assertThat(spec.shape("conv3").channels()).isEqualTo(16);
        assertThat(params.layers()).containsExactly("10", "2", "64");
    }

    @Test
    void presetAndLayersAreExclusive() {
        assertThatThrownBy(() -> new VggParams(VggPreset.VGG16, List.of("16", "M"), 1, true, List.of(), 0,
                VggFinalPool.FLATTEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new VggParams(null, null, 1, true, List.of(), 0, VggFinalPool.FLATTEN))
                .hasMessageContaining("give preset (vgg11, vgg13, vgg16, vgg19) or layers");
    }

    @Test
    void badLayerEntriesAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> layers("16", "M", "-32"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layers[2] is -32");
        assertThatThrownBy(() -> layers("16", "pool"))
                .hasMessageContaining("layers[1] is 'pool'")
                .hasMessageContaining("M for a max-pool");
        assertThatThrownBy(() -> layers("M", "M")).hasMessageContaining("no convolution");
        assertThatThrownBy(() -> new VggParams(VggPreset.VGG11, null, 0, true, List.of(), 0, VggFinalPool.FLATTEN))
                .hasMessageContaining("width-multiplier must be a positive number");
        assertThatThrownBy(() -> new VggParams(VggPreset.VGG11, null, 1, true, List.of(0), 0, VggFinalPool.FLATTEN))
                .hasMessageContaining("hidden[0] must be a width >= 1");
    }

    @Test
    void multiplyAccumulatesOfASmallNetMatchAHandCount() {
        VggParams params = new VggParams(null, List.of("4", "M", "8"), 1, true, List.of(), 0,
                VggFinalPool.GLOBAL_AVG);

        NetworkSpec spec = new VggFamily(params).specify(new InputShape(1, 8, 8), 10);

        long conv1 = 4 * 1 * 9 * 8 * 8;
        long conv2 = 8 * 4 * 9 * 4 * 4;
        long logits = 8 * 10;
        assertThat(spec.statistics().multiplyAccumulates()).isEqualTo(conv1 + conv2 + logits);
    }

    private static VggParams layers(String... entries) {
        return new VggParams(null, List.of(entries), 1, true, List.of(), 0, VggFinalPool.FLATTEN);
    }
}
