package org.distill4j.plugin.pruning;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.distill4j.models.graph.GraphNetworkFactory;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.models.vgg.VggParams;
import org.distill4j.models.vgg.VggPreset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SparsityMatchedFamilyTest {

    private static final SparsityMatchedFamily FAMILY = new SparsityMatchedFamily(new SparsityMatchedParams(1));
    private static final GraphNetworkFactory NETWORKS = new GraphNetworkFactory();

    /** conv1(4) conv2(6) M conv3(5) M on 1x8x8 images: a flattened 5x2x2 map into fc1(6), then 3 logits. */
    private static NetworkSpec smallVgg() {
        return new VggFamily(new VggParams(null, List.of("4", "6", "M", "5", "M"), 1, true, List.of(6), 0,
                VggFinalPool.FLATTEN)).specify(PruningNetworks.IMAGE, 3);
    }

    /** VGG-19/4 for 28x28 grey images and 10 classes, as the ptd2022 experiments use it. */
    private static NetworkSpec vgg19Quarter() {
        return new VggFamily(VggParams.of(VggPreset.VGG19, 0.25)).specify(new InputShape(1, 28, 28), 10);
    }

    @Test
    void theWidthRuleOnHandChosenZeroPatterns() {
        Network source = NETWORKS.build(smallVgg(), 3);
        keepNonZero(source, "conv1", 27);   // of 4 x 1 x 3 x 3 = 36
        keepNonZero(source, "conv2", 100);  // of 6 x 4 x 3 x 3 = 216
        keepNonZero(source, "conv3", 5);    // of 5 x 6 x 3 x 3 = 270
        keepNonZero(source, "fc1", 10);     // of 20 x 6 = 120
        keepNonZero(source, "logits", 7);   // of 6 x 3 = 18: the logits keep one unit per class whatever is pruned

        NetworkSpec designed = FAMILY.specify(PruningNetworks.IMAGE, 3, source);

        // c0 = 1 input channel.
        // conv1: round(27 / (9 * 1)) = 3
        // conv2: round(100 / (9 * 3)) = round(3.70) = 4
        // conv3: round(5 / (9 * 4)) = round(0.14) = 0 -> the minimum width, 1
        // fc1 reads conv3's 1 x 2 x 2 map flattened, 4 features: round(10 / 4) = round(2.5) = 3 (halves round up)
        // logits: 3 classes
        assertThat(widths(designed)).containsExactly(Map.entry("conv1", 3), Map.entry("conv2", 4),
                Map.entry("conv3", 1), Map.entry("fc1", 3), Map.entry("logits", 3));
        assertThat(designed.family()).isEqualTo(SparsityMatchedFamily.NAME);
        assertThat(designed.names()).isEqualTo(source.spec().names());
        assertThat(designed.output()).isEqualTo(NetworkSpec.LOGITS);
        assertThat(designed.shape("pool2")).isEqualTo(TensorShape.map(1, 2, 2));
        assertThat(NETWORKS.build(designed, 1).graph().getVertex("fc1").getLayer().getParam(NetworkWeights.WEIGHT)
                .shape()).containsExactly(4, 3);

        // With minimum-width 2, conv3 gets 2 channels; fc1 then reads 8 features: round(10 / 8) = 1 -> 2.
        NetworkSpec wider = new SparsityMatchedFamily(new SparsityMatchedParams(2))
                .specify(PruningNetworks.IMAGE, 3, source);
        assertThat(widths(wider)).containsExactly(Map.entry("conv1", 3), Map.entry("conv2", 4),
                Map.entry("conv3", 2), Map.entry("fc1", 2), Map.entry("logits", 3));
    }

    @Test
    void aVgg19QuarterPrunedGloballyAt59PercentGivesAStudentWithAsManyWeightsAsSurvived() {
        NetworkSpec spec = vgg19Quarter();
        Network teacher = NETWORKS.build(spec, 11);
        List<INDArray> weights = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            if (node instanceof NodeSpec.Conv2d || node instanceof NodeSpec.Dense) {
                weights.add(NetworkWeights.get(teacher, node.name(), NetworkWeights.WEIGHT));
            }
        }
        // One global magnitude threshold over every conv and dense weight: the 59% smallest become exact zeros.
        float[] magnitudes = Nd4j.toFlattened(weights.stream().map(w -> Transforms.abs(w, true)).toList())
                .toFloatVector();
        Arrays.sort(magnitudes);
        float threshold = magnitudes[(int) Math.round(0.59 * magnitudes.length)];
        for (INDArray w : weights) {
            w.muli(Transforms.abs(w, true).gte(threshold).castTo(w.dataType()));
        }
        long total = magnitudes.length;
        long nonZero = weights.stream().mapToLong(SparsityMatchedFamilyTest::nonZero).sum();
        assertThat((double) nonZero / total).isCloseTo(0.41, within(0.001));

        NetworkSpec student = FAMILY.specify(spec.input(), 10, teacher);

        long studentWeights = weightCount(student);
        assertThat((double) studentWeights / nonZero).as("designed %s: %d weights for %d non-zero of %d",
                widths(student), studentWeights, nonZero, total).isCloseTo(1.0, within(0.01));
        assertThat(student.names()).isEqualTo(spec.names());
    }

    @Test
    void aDenseSourceGivesBackItsOwnWidths() {
        for (NetworkSpec spec : List.of(smallVgg(), vgg19Quarter())) {
            Network source = NETWORKS.build(spec, 5);
            NetworkSpec designed = FAMILY.specify(spec.input(), spec.shape(NetworkSpec.LOGITS).channels(), source);

            assertThat(designed.nodes()).isEqualTo(spec.nodes());
            assertThat(designed.family()).isEqualTo(SparsityMatchedFamily.NAME);
        }
    }

    @Test
    void aResidualSourceIsRejectedNamingItsSum() {
        NetworkSpec resnet = PruningNetworks.resnet8();
        String firstSum = resnet.nodes().stream().filter(NodeSpec.Add.class::isInstance).findFirst().orElseThrow()
                .name();

        assertThatThrownBy(() -> FAMILY.specify(resnet.input(), 3, NETWORKS.build(resnet, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("vertex '" + firstSum + "' of the source network (resnet) adds ")
                .hasMessageContaining("a residual sum needs equal widths on its branches");
    }

    @Test
    void theFamilyIsDerivedAndHasNoArchitectureWithoutASource() {
        assertThat(FAMILY.derived()).isTrue();
        assertThatThrownBy(() -> FAMILY.specify(PruningNetworks.IMAGE, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give student.source: {experiment: <pruned teacher descriptor>}");
        Network source = NETWORKS.build(smallVgg(), 3);
        assertThatThrownBy(() -> FAMILY.specify(new InputShape(3, 8, 8), 3, source))
                .hasMessage("the source network (vgg) takes 1x8x8 inputs, but the student gets 3x8x8 inputs");
        assertThatThrownBy(() -> new SparsityMatchedParams(0)).hasMessageContaining("minimum-width must be >= 1");
    }

    /** Keeps {@code count} weights of the vertex non-zero (ones) and sets the others to exact zeros. */
    private static void keepNonZero(Network network, String vertex, int count) {
        INDArray weights = NetworkWeights.get(network, vertex, NetworkWeights.WEIGHT);
        float[] values = new float[(int) weights.length()];
        Arrays.fill(values, values.length - count, values.length, 1f);
        NetworkWeights.set(network, vertex, NetworkWeights.WEIGHT, Nd4j.create(values));
    }

    private static long nonZero(INDArray weights) {
        long count = 0;
        for (float value : weights.dup().data().asFloat()) {
            if (value != 0) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, Integer> widths(NetworkSpec spec) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (NodeSpec node : spec.nodes()) {
            if (node instanceof NodeSpec.Conv2d conv) {
                widths.put(conv.name(), conv.outChannels());
            } else if (node instanceof NodeSpec.Dense dense) {
                widths.put(dense.name(), dense.units());
            }
        }
        return widths;
    }

    /** The conv and dense weights of a spec (no biases or batch norm): what the rule matches. */
    private static long weightCount(NetworkSpec spec) {
        Map<String, TensorShape> shapes = spec.shapes();
        long count = 0;
        for (NodeSpec node : spec.nodes()) {
            TensorShape in = shapes.get(node.inputs().get(0));
            if (node instanceof NodeSpec.Conv2d conv) {
                count += (long) conv.outChannels() * in.channels() * conv.kernel() * conv.kernel();
            } else if (node instanceof NodeSpec.Dense dense) {
                count += in.size() * dense.units();
            }
        }
        return count;
    }
}
