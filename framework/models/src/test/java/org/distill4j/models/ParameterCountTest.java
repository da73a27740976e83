package org.distill4j.models;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkStatistics;
import org.distill4j.models.resnet.ResnetFamily;
import org.distill4j.models.resnet.ResnetParams;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.models.vgg.VggParams;
import org.distill4j.models.vgg.VggPreset;
import org.distill4j.models.wrn.WideResnetFamily;
import org.distill4j.models.wrn.WideResnetParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Parameter counts of the published architectures, computed here by hand formula (3x3 convolutions carry
 * 9 * in * out weights, batch norm 2 per channel) and compared with the spec statistics and the papers' figures.
 */
class ParameterCountTest {

    private static final InputShape CIFAR = new InputShape(3, 32, 32);

    @Test
    void resnet20MatchesTheHandCountAndThePaper() {
        long expected = cifarResnet(3, 3, new int[] {16, 32, 64}, 10);
        NetworkStatistics statistics = resnet(20).specify(CIFAR, 10).statistics();

        assertThat(statistics.parameters()).isEqualTo(expected);
        // He et al. report 0.27M (with parameter-free shortcuts; the two projections add 2,752).
        assertThat(expected / 1e6).isCloseTo(0.27, within(0.01));
    }

    @Test
    void resnet8MatchesTheHandCount() {
        assertThat(resnet(8).specify(CIFAR, 10).statistics().parameters())
                .isEqualTo(cifarResnet(1, 3, new int[] {16, 32, 64}, 10));
    }

    @Test
    void wideResnetsMatchTheHandCountAndTheAttentionTransferPaper() {
        assertThat(wrn(16, 1).parameters()).isEqualTo(wideResnet(2, 1, 3, 10));
        assertThat(wrn(16, 2).parameters()).isEqualTo(wideResnet(2, 2, 3, 10));
        assertThat(wrn(40, 2).parameters()).isEqualTo(wideResnet(6, 2, 3, 10));

        // Zagoruyko and Komodakis, Table 1: WRN-16-1 0.2M (0.175M), WRN-16-2 0.7M, WRN-40-2 2.2M.
        assertThat(wrn(16, 1).parameters() / 1e6).isCloseTo(0.175, within(0.001));
        assertThat(wrn(16, 2).parameters() / 1e6).isCloseTo(0.69, within(0.01));
        assertThat(wrn(40, 2).parameters() / 1e6).isCloseTo(2.2, within(0.05));
    }

    @Test
    void vgg16ConvolutionAndClassifierWeightsAre14point72Million() {
        int[] widths = {64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512};
        long convolutionWeights = convolutionWeights(3, widths);
        long classifierWeights = 512L * 10;

        // docs/methods.md §7.1(b): 14.72M conv+FC weights for the CIFAR-10 VGG-16 without hidden FC layers.
        assertThat((convolutionWeights + classifierWeights) / 1e6).isCloseTo(14.72, within(0.005));
        NetworkStatistics statistics = vgg(VggPreset.VGG16, 1).specify(CIFAR, 10).statistics();
        assertThat(statistics.parameters())
                .isEqualTo(convolutionWeights + 2 * sum(widths) + classifierWeights + 10);
    }

    @Test
    void vgg19ConvolutionAndClassifierWeightsAre20point07Million() {
        int[] widths = {64, 64, 128, 128, 256, 256, 256, 256, 512, 512, 512, 512, 512, 512, 512, 512};
        long weights = convolutionWeights(3, widths) + 512L * 100;

        // docs/methods.md §9(a): VGG-19 has 20.07M conv+FC weights (CIFAR-100).
        assertThat(weights / 1e6).isCloseTo(20.07, within(0.005));
        assertThat(vgg(VggPreset.VGG19, 1).specify(CIFAR, 100).statistics().parameters())
                .isEqualTo(weights + 2 * sum(widths) + 100);
    }

    @Test
    void vgg11WeightsAre9point27Million() {
        int[] widths = {64, 128, 256, 256, 512, 512, 512, 512};
        long weights = convolutionWeights(3, widths) + 512L * 100;

        assertThat(weights / 1e6).isCloseTo(9.27, within(0.005));
        assertThat(vgg(VggPreset.VGG11, 1).specify(CIFAR, 100).statistics().parameters())
                .isEqualTo(weights + 2 * sum(widths) + 100);
    }

    @Test
    void thePruneThenDistillDesignedStudentHas12point81MillionWeights() {
        // docs/methods.md §9(a), VGG19-rwd-st36: the reference VGG ends without a max-pool and averages the last 2x2
        // map.
        List<String> layers = List.of("53", "61", "M", "128", "121", "M", "258", "241", "258", "236", "M",
                "485", "410", "406", "374", "M", "340", "358", "390", "399");
        VggParams params = new VggParams(null, layers, 1, true, List.of(), 0, VggFinalPool.GLOBAL_AVG);
        int[] widths = {53, 61, 128, 121, 258, 241, 258, 236, 485, 410, 406, 374, 340, 358, 390, 399};
        long weights = convolutionWeights(3, widths) + 399L * 100;

        assertThat(weights / 1e6).isCloseTo(12.81, within(0.005));
        assertThat(new VggFamily(params).specify(CIFAR, 100).statistics().parameters())
                .isEqualTo(weights + 2 * sum(widths) + 100);
    }

    @Test
    void aQuarterWidthVgg16HasAQuarterOfTheChannels() {
        int[] widths = {16, 16, 32, 32, 64, 64, 64, 128, 128, 128, 128, 128, 128};
        NetworkStatistics statistics = vgg(VggPreset.VGG16, 0.25).specify(new InputShape(1, 28, 28), 10).statistics();

        assertThat(statistics.parameters())
                .isEqualTo(convolutionWeights(1, widths) + 2 * sum(widths) + 128L * 10 + 10);
    }

    private static ResnetFamily resnet(int depth) {
        return new ResnetFamily(new ResnetParams(depth));
    }

    private static NetworkStatistics wrn(int depth, int widenFactor) {
        return new WideResnetFamily(new WideResnetParams(depth, widenFactor)).specify(CIFAR, 10).statistics();
    }

    private static VggFamily vgg(VggPreset preset, double widthMultiplier) {
        return new VggFamily(VggParams.of(preset, widthMultiplier));
    }

    /** Conv-BN-ReLU stem, n basic blocks per stage with projection shortcuts, linear classifier. */
    private static long cifarResnet(int blocks, int inChannels, int[] widths, int classes) {
        long count = 9L * inChannels * widths[0] + 2L * widths[0];
        int channels = widths[0];
        for (int stage = 0; stage < 3; stage++) {
            int width = widths[stage];
            for (int block = 0; block < blocks; block++) {
                count += 9L * channels * width + 2L * width + 9L * width * width + 2L * width;
                if (channels != width) {
                    count += (long) channels * width + 2L * width;
                }
                channels = width;
            }
        }
        return count + (long) channels * classes + classes;
    }

    /** 16-channel stem conv, n pre-activation blocks per group, projection where the width changes, BN, classifier. */
    private static long wideResnet(int blocks, int widenFactor, int inChannels, int classes) {
        long count = 9L * inChannels * 16;
        int channels = 16;
        for (int group = 0; group < 3; group++) {
            int width = 16 * widenFactor << group;
            for (int block = 0; block < blocks; block++) {
                count += 2L * channels + 9L * channels * width + 2L * width + 9L * width * width;
                if (channels != width) {
                    count += (long) channels * width;
                }
                channels = width;
            }
        }
        return count + 2L * channels + (long) channels * classes + classes;
    }

    private static long convolutionWeights(int inChannels, int[] widths) {
        long weights = 0;
        int channels = inChannels;
        for (int width : widths) {
            weights += 9L * channels * width;
            channels = width;
        }
        return weights;
    }

    private static long sum(int[] widths) {
        long total = 0;
        for (int width : widths) {
            total += width;
        }
        return total;
    }
}
