package org.distill4j.plugin.fskd;

import org.distill4j.api.Alignment;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.models.resnet.ResnetFamily;
import org.distill4j.models.resnet.ResnetParams;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.distill4j.plugin.fskd.FskdTestNetworks.FACTORY;

class FskdBlocksTest {

    private static final NetworkSpec RESNET = new ResnetFamily(new ResnetParams(8)).specify(new InputShape(1, 8, 8), 3);

    @Test
    void everyVggConvIsABlockAlignedToTheTeachersBatchNorm() {
        NetworkSpec teacher = TinyData.network(4, 3);
        List<FskdBlock> blocks = FskdBlocks.find(fold(teacher), teacher, Map.of());

        assertThat(blocks).extracting(FskdBlock::vertex).containsExactly("conv1", "conv2");
        assertThat(blocks).extracting(FskdBlock::teacherVertex).containsExactly("conv1.bn", "conv2.bn");
        assertThat(blocks.get(1).teacherChannels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void resnetBlocksAreTheStemAndEachBlocksFirstConvNotTheConvBeforeTheAddition() {
        List<FskdBlock> blocks = FskdBlocks.find(fold(RESNET), RESNET, Map.of());

        assertThat(blocks).extracting(FskdBlock::vertex).containsExactly("stem.conv", "stage1.block1.conv1",
                "stage2.block1.conv1", "stage3.block1.conv1");
        assertThat(blocks).extracting(FskdBlock::teacherVertex).containsExactly("stem.bn", "stage1.block1.bn1",
                "stage2.block1.bn1", "stage3.block1.bn1");
    }

    @Test
    void aTeacherWithoutBatchNormIsAlignedAtItsConv() {
        NetworkSpec plain = FskdTestNetworks.withoutBatchNorm(4);
        assertThat(FskdBlocks.find(plain, plain, Map.of())).extracting(FskdBlock::teacherVertex)
                .containsExactly("conv1", "conv2");
    }

    @Test
    void keptChannelsMustListOneTeacherChannelPerStudentChannel() {
        NetworkSpec teacher = TinyData.network(4, 3);
        assertThatThrownBy(() -> FskdBlocks.find(fold(teacher), teacher, Map.of("conv1", List.of(0, 1))))
                .hasMessageContaining("block 'conv1' has 4 student channels but 2 teacher channels");
        assertThatThrownBy(() -> FskdBlocks.find(fold(teacher), teacher, Map.of("conv1", List.of(0, 1, 2, 9))))
                .hasMessageContaining("name teacher channel 9").hasMessageContaining("channels 0..3");
    }

    @Test
    void fskdBcdAlignsAPerturbedResnetAndKeepsItsArchitecture() {
        Network teacher = FACTORY.build(RESNET, 81);
        FskdTestNetworks.randomiseBatchNorms(teacher, 82);
        Network student = FACTORY.build(RESNET, 83);
        NetworkWeights.copyMatching(teacher, student);
        FskdTestNetworks.perturb(student, 0.3, 84);
        FskdTestContext context = new FskdTestContext(TinyData.dataset(3, 80, 40, 5));

        Alignment alignment = new FskdBcdAligner(FskdBcdParams.withSamples(80)).align(teacher,
                FskdBcdAlignerTest.compression(student, Map.of()), context);

        Map<String, Double> before = AlignmentDetails.residualsBefore(alignment);
        assertThat(alignment.residuals()).hasSize(4).allSatisfy((block, residual) ->
                assertThat(residual).as(block).isLessThan(before.get(block)));
        assertThat(alignment.network().spec()).isEqualTo(RESNET);
        assertThat(alignment.network().graph().numParams()).isEqualTo(student.graph().numParams());
    }

    private static NetworkSpec fold(NetworkSpec spec) {
        return FskdFolding.fold(FACTORY.build(spec, 1), FACTORY, 1).network().spec();
    }
}
