package org.distill4j.plugin.decomposition;

import org.distill4j.api.Compression;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.graph.GraphNetworkFactory;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LowRankCompressorTest {

    private static final LowRankParams FULL_RANK_EVERYWHERE = new LowRankParams(1.0, null,
            List.of(LowRankParams.ALL), false);

    @Test
    void fullRankReproducesTheNetworkWithBiasesStridesAndBatchNorm() {
        // conv1 has a bias and no batch norm, conv2 a bias, stride 2 and a batch norm after it, conv3 neither.
        Network teacher = teacher(strided(), 1);
        Compression compression = compress(teacher, FULL_RANK_EVERYWHERE);

        assertThat(compression.network().spec().node("conv2.basis")).isPresent();
        assertOutputsAgree(teacher, compression.network(), 3, 9);
    }

    @Test
    void fullRankReproducesTheTinyNetworkWithBatchNormAfterBiaslessConvs() {
        Network teacher = teacher(TinyData.network(4, 3), 2);
        Compression compression = compress(teacher, FULL_RANK_EVERYWHERE);

        assertThat(compression.network().spec().names()).containsSubsequence("conv1.basis", "conv1", "conv1.bn",
                "conv2.basis", "conv2", "conv2.bn");
        assertOutputsAgree(teacher, compression.network(), 1, 8);
    }

    @Test
    void layersTheArchitectureDoesNotHaveAreAProblemFoundFromTheSpecAlone() {
        NetworkSpec spec = strided();

        assertThat(new LowRankCompressor(new LowRankParams(0.6, null, List.of("conv2"), false)).problem(spec))
                .isEmpty();
        assertThat(new LowRankCompressor(new LowRankParams(0.6, null, List.of("conv99"), false)).problem(spec))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("low-rank: layers [conv99] are not"
                        + " convs of this"));
    }

    @Test
    void aTruncatedConvIsTheBestRankRApproximation() {
        Network teacher = teacher(strided(), 3);
        // conv2 is 5 x (6 * 3 * 3): rank-ratio 0.6 keeps ceil(0.6 * 5) = 3 of 5.
        Compression compression = compress(teacher, new LowRankParams(0.6, null, List.of("conv2"), false));

        double[][] original = LowRankReference.matrix(NetworkWeights.copy(teacher, "conv2", NetworkWeights.WEIGHT));
        double[][] truncated = product(compression.network(), "conv2");
        LowRankReference.Eigen reference = LowRankReference.gram(original);
        double dropped = reference.values()[3] + reference.values()[4];
        double[][] best = LowRankReference.project(original, reference.vectors(), 3);

        assertThat(squaredDistance(original, truncated)).isCloseTo(dropped, within(1e-4 * dropped));
        assertThat(squaredDistance(best, truncated)).isLessThan(1e-10 * squaredNorm(original));
        assertThat(dropped).as("the truncation drops something").isGreaterThan(1e-3 * squaredNorm(original));
        assertThat(details(compression, "conv2")).extracting(LowRankDetails.Layer::rank,
                LowRankDetails.Layer::fullRank, LowRankDetails.Layer::skipped).containsExactly(3, 5, false);
    }

    @Test
    void energyPicksTheSmallestRankThatReachesIt() {
        Network teacher = teacher(strided(), 4);
        double[] squared = LowRankReference.gram(LowRankReference.matrix(
                NetworkWeights.copy(teacher, "conv2", NetworkWeights.WEIGHT))).values();
        double total = 0;
        for (double value : squared) {
            total += value;
        }
        double two = (squared[0] + squared[1]) / total;
        double three = two + squared[2] / total;

        // Just above the share of two values needs three; exactly the share of three needs three, not four.
        for (double energy : new double[] {two + 1e-6, (two + three) / 2, three}) {
            Compression compression = compress(teacher, new LowRankParams(null, energy, List.of("conv2"), false));

            assertThat(details(compression, "conv2").rank()).as("energy %s", energy).isEqualTo(3);
            assertThat(details(compression, "conv2").energyKept()).isCloseTo(three, within(1e-9));
        }
        Compression justTwo = compress(teacher, new LowRankParams(null, two - 1e-6, List.of("conv2"), false));
        assertThat(details(justTwo, "conv2").rank()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void parameterAndMultiplyAccumulateCountsMatchAHandComputation() {
        // TinyData.network(4, 3): conv1 1->4 3x3 on 8x8, pool to 4x4, conv2 4->8 3x3 on 4x4, dense 128->3.
        // Default layers skip conv1; rank-ratio 0.25 keeps ceil(0.25 * min(8, 36)) = 2 ranks of conv2.
        Network teacher = teacher(TinyData.network(4, 3), 5);
        Compression compression = compress(teacher, LowRankParams.rankRatio(0.25));

        long conv1 = 4 * 9;
        long dense = 128 * 3 + 3;
        long batchNorms = 2 * 4 + 2 * 8;
        assertThat(compression.before().parameters()).isEqualTo(conv1 + 8 * 4 * 9 + dense + batchNorms);
        assertThat(compression.before().multiplyAccumulates()).isEqualTo(conv1 * 64 + 8 * 36 * 16 + 128 * 3);
        long basis = 2 * 4 * 9;
        long pointwise = 8 * 2;
        assertThat(compression.after().parameters()).isEqualTo(conv1 + basis + pointwise + dense + batchNorms)
                .isEqualTo(535);
        assertThat(compression.after().multiplyAccumulates())
                .isEqualTo(conv1 * 64 + basis * 16 + pointwise * 16 + 128 * 3).isEqualTo(4096);
        assertThat(compression.after().parametersByVertex()).containsEntry("conv2.basis", basis)
                .containsEntry("conv2", pointwise).containsEntry("conv1", conv1);
        // The graph holds the spec's parameters plus the batch norms' running mean and variance.
        assertThat(compression.network().graph().numParams()).isEqualTo(535 + batchNorms);
        assertThat(details(compression, "conv2")).extracting(LowRankDetails.Layer::weightsBefore,
                LowRankDetails.Layer::weightsAfter).containsExactly(288L, 88L);
        assertThat(((LowRankDetails) compression.details()).layers()).containsOnlyKeys("conv2");
        assertThat(compression.keptChannels()).isEmpty();
    }

    @Test
    void aConvWhoseFactorsWouldNotBeSmallerIsLeftWholeAndRecorded() {
        // rank-ratio 0.9 keeps ceil(7.2) = 8 ranks of conv2: 8 * (36 + 8) = 352 >= 288 weights.
        Network teacher = teacher(TinyData.network(4, 3), 6);
        LowRankTestContext context = new LowRankTestContext();
        Compression compression = new LowRankCompressor(LowRankParams.rankRatio(0.9)).compress(teacher, context);

        assertThat(compression.network().spec()).isEqualTo(teacher.spec());
        assertThat(details(compression, "conv2")).extracting(LowRankDetails.Layer::skipped,
                LowRankDetails.Layer::rank, LowRankDetails.Layer::weightsAfter).containsExactly(true, 8, 288L);
        assertThat(compression.after()).isEqualTo(compression.before());
        assertThat(context.lines).containsExactly("low-rank conv2: rank 8 of 8, energy kept 1.0000, skipped"
                + " (factors of 352 weights would not be smaller than 288)");
        assertOutputsAgree(teacher, compression.network(), 1, 8);
    }

    @Test
    void theOneByOneConvKeepsTheNameSoEverythingDownstreamIsUnchanged() {
        Network teacher = teacher(TinyData.network(4, 3), 7);
        NetworkSpec student = compress(teacher, LowRankParams.rankRatio(0.25)).network().spec();

        assertThat(student.node("conv2")).contains(new NodeSpec.Conv2d("conv2", "conv2.basis", 8, 1, 1, 0, false));
        assertThat(student.node("conv2.basis")).contains(new NodeSpec.Conv2d("conv2.basis", "pool1", 2, 3, 1, 1,
                false));
        assertThat(student.consumers("conv2")).containsExactly("conv2.bn");
        assertThat(student.node("conv1")).isEqualTo(teacher.spec().node("conv1"));
        assertThat(student.shapes().get("conv2")).isEqualTo(teacher.spec().shapes().get("conv2"));
    }

    @Test
    void unknownLayersAreRejectedListingTheConvs() {
        Network teacher = teacher(TinyData.network(4, 3), 8);
        LowRankParams params = new LowRankParams(0.5, null, List.of("conv2", "conv9", "conv2.bn"), true);

        assertThatThrownBy(() -> compress(teacher, params)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("low-rank: layers [conv9, conv2.bn] are not convs of this tiny network; its convs are"
                        + " [conv1, conv2] (or use [all-but-first] or [all])");
    }

    private static NetworkSpec strided() {
        return new NetworkSpec("strided", new InputShape(3, 9, 9), List.of(
                new NodeSpec.Conv2d("conv1", NetworkSpec.INPUT, 6, 3, 1, 1, true),
                new NodeSpec.Relu("conv1.relu", "conv1"),
                new NodeSpec.Conv2d("conv2", "conv1.relu", 5, 3, 2, 1, true),
                new NodeSpec.BatchNorm("conv2.bn", "conv2"),
                new NodeSpec.Relu("conv2.relu", "conv2.bn"),
                new NodeSpec.Conv2d("conv3", "conv2.relu", 7, 3, 1, 0, false),
                new NodeSpec.Relu("conv3.relu", "conv3"),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "conv3.relu", 4, true)));
    }

    private static Network teacher(NetworkSpec spec, long seed) {
        Network network = new GraphNetworkFactory().build(spec, seed);
        LowRankReference.randomize(network, seed);
        return network;
    }

    private static Compression compress(Network teacher, LowRankParams params) {
        return new LowRankCompressor(params).compress(teacher, new LowRankTestContext());
    }

    private static void assertOutputsAgree(Network teacher, Network student, int channels, int size) {
        INDArray images = LowRankReference.images(12, 5, channels, size, size);
        INDArray expected = teacher.graph().outputSingle(images);
        INDArray actual = student.graph().outputSingle(images);

        assertThat(expected.amaxNumber().doubleValue()).as("a non-trivial output").isGreaterThan(1e-2);
        assertThat(LowRankReference.relativeError(actual, expected)).isLessThan(1e-4);
    }

    /** The decomposed conv's effective weights: pointwise {@code [C_out, r]} times basis {@code [r, C_in k k]}. */
    private static double[][] product(Network student, String conv) {
        double[][] pointwise = LowRankReference.matrix(NetworkWeights.copy(student, conv, NetworkWeights.WEIGHT));
        double[][] basis = LowRankReference.matrix(NetworkWeights.copy(student, LowRankSpec.basisName(conv),
                NetworkWeights.WEIGHT));
        double[][] result = new double[pointwise.length][basis[0].length];
        for (int i = 0; i < pointwise.length; i++) {
            for (int r = 0; r < basis.length; r++) {
                for (int k = 0; k < basis[0].length; k++) {
                    result[i][k] += pointwise[i][r] * basis[r][k];
                }
            }
        }
        return result;
    }

    private static double squaredDistance(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                sum += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
            }
        }
        return sum;
    }

    private static double squaredNorm(double[][] a) {
        return squaredDistance(a, new double[a.length][a[0].length]);
    }

    private static LowRankDetails.Layer details(Compression compression, String conv) {
        return ((LowRankDetails) compression.details()).layers().get(conv);
    }
}
