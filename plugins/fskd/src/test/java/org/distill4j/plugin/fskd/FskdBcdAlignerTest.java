package org.distill4j.plugin.fskd;

import org.distill4j.api.Alignment;
import org.distill4j.api.Compression;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.distill4j.plugin.fskd.FskdTestNetworks.output;
import static org.distill4j.plugin.fskd.FskdTestNetworks.relativeError;

class FskdBcdAlignerTest {

    private static final Dataset DATA = TinyData.dataset(3, 120, 40, 5);

    @Test
    void lowersEveryBlockResidualAndMovesThePerturbedStudentsLogitsTowardTheTeacher() {
        Network teacher = FskdTestNetworks.tinyWithBatchNorm(4, 21);
        Network student = FskdTestNetworks.FACTORY.build(teacher.spec(), 22);
        NetworkWeights.copyMatching(teacher, student);
        FskdTestNetworks.perturb(student, 0.3, 23);
        FskdTestContext context = new FskdTestContext(DATA);

        Alignment alignment = new FskdBcdAligner(FskdBcdParams.withSamples(60)).align(teacher, compression(student,
                Map.of()), context);

        assertAligned(alignment, teacher, student, context);
    }

    @Test
    void alignsANarrowerStudentToTheKeptTeacherChannels() {
        Network teacher = FskdTestNetworks.tinyWithBatchNorm(8, 31);
        List<Integer> kept1 = List.of(0, 2, 3, 6);
        List<Integer> kept2 = List.of(1, 2, 4, 7, 9, 10, 12, 15);
        Network student = FskdTestNetworks.sliced(teacher, kept1, kept2);
        FskdTestContext context = new FskdTestContext(DATA);

        Alignment alignment = new FskdBcdAligner(FskdBcdParams.withSamples(60)).align(teacher, compression(student,
                Map.of("conv1", kept1, "conv2", kept2)), context);

        assertAligned(alignment, teacher, student, context);
    }

    @Test
    void underDeterminedBlocksDoNotFail() {
        // Two images: conv2 sees 2 * 4 * 4 = 32 rows for 64 channels.
        Network teacher = FskdTestNetworks.tinyWithBatchNorm(32, 41);
        Network student = FskdTestNetworks.FACTORY.build(teacher.spec(), 42);
        NetworkWeights.copyMatching(teacher, student);
        FskdTestNetworks.perturb(student, 0.3, 43);

        Alignment alignment = new FskdBcdAligner(FskdBcdParams.withSamples(2)).align(teacher,
                compression(student, Map.of()), new FskdTestContext(DATA));

        Map<String, Double> ridges = ((FskdBcdDetails) alignment.details()).ridge();
        assertThat(ridges.get("conv2")).isGreaterThan(0);
        assertThat(alignment.residuals().values()).allSatisfy(value -> assertThat(value).isFinite());
        assertThat(output(alignment.network(), DATA.test().features()).isNaN().any()).isFalse();
    }

    private static void assertAligned(Alignment alignment, Network teacher, Network student,
            FskdTestContext context) {
        Map<String, Double> before = AlignmentDetails.residualsBefore(alignment);
        assertThat(alignment.residuals()).containsOnlyKeys("conv1", "conv2");
        assertThat(before).containsOnlyKeys("conv1", "conv2");
        for (String block : List.of("conv1", "conv2")) {
            assertThat(alignment.residuals().get(block)).as(block).isLessThan(before.get(block));
        }
        assertThat(alignment.network().spec()).isEqualTo(student.spec());
        assertThat(alignment.network().spec().statistics()).isEqualTo(student.spec().statistics());
        FskdBcdDetails details = (FskdBcdDetails) alignment.details();
        assertThat(details.samples()).isPositive();
        assertThat(details.conditionNumbers()).containsOnlyKeys("conv1", "conv2");
        assertThat(details.ridge()).containsOnlyKeys("conv1", "conv2");
        assertThat(context.lines()).anySatisfy(line -> assertThat(line).contains("block 2 of 2 conv2"));

        INDArray images = DATA.test().features();
        INDArray target = output(teacher, images);
        double errorBefore = relativeError(output(student, images), target);
        double errorAfter = relativeError(output(alignment.network(), images), target);
        System.out.printf("fskd-bcd residuals %s -> %s; test logits relative error %.4f -> %.4f%n", before,
                alignment.residuals(), errorBefore, errorAfter);
        assertThat(errorAfter).isLessThan(errorBefore);
    }

    static Compression compression(Network student, Map<String, List<Integer>> kept) {
        NetworkSpec spec = student.spec();
        return new Compression(student, kept, spec.statistics(), spec.statistics(), new TestCompression());
    }

    /** The details of a compression a test made by hand: none. */
    private record TestCompression() {
    }
}
