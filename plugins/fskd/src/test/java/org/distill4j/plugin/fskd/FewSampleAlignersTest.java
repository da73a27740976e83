package org.distill4j.plugin.fskd;

import org.distill4j.api.Alignment;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FewSampleAlignersTest {

    private static final Dataset DATA = TinyData.dataset(3, 120, 40, 5);

    @Test
    void fskdSgdLowersItsLossAndTheBlockResidualsAndKeepsTheArchitecture() {
        Alignment alignment = align(new FskdSgdAligner(new FskdSgdParams(60, 15, 20, 0.1, 0.9)));
        assertResidualsFall(alignment);
    }

    @Test
    void fewSampleFitnetLowersItsLossAndTheBlockResiduals() {
        Alignment alignment = align(new FewSampleFitnetAligner(new FewSampleFitnetParams(60, 15, 20, 0.01, 0.9)));
        assertResidualsFall(alignment);
    }

    @Test
    void fewSampleFineTuneLowersItsCrossEntropy() {
        align(new FewSampleFineTuneAligner(new FewSampleFineTuneParams(60, 15, 20, 0.01, 0.9)));
    }

    private static Alignment align(org.distill4j.api.Aligner aligner) {
        Network teacher = FskdTestNetworks.tinyWithBatchNorm(4, 61);
        Network student = FskdTestNetworks.FACTORY.build(teacher.spec(), 62);
        NetworkWeights.copyMatching(teacher, student);
        FskdTestNetworks.perturb(student, 0.3, 63);
        FskdTestContext context = new FskdTestContext(DATA);

        Alignment alignment = aligner.align(teacher, FskdBcdAlignerTest.compression(student, Map.of()), context);

        List<Double> losses = ((FewSampleDetails) alignment.details()).epochLosses();
        System.out.printf("%s epoch losses %.5f -> %.5f%n", aligner.getClass().getSimpleName(), losses.get(0),
                losses.get(losses.size() - 1));
        assertThat(losses).hasSize(15);
        assertThat(losses.get(losses.size() - 1)).isLessThan(0.9 * losses.get(0));
        assertThat(alignment.network().spec()).isEqualTo(student.spec());
        assertThat(((FewSampleDetails) alignment.details()).samples()).isPositive();
        assertThat(context.lines()).anySatisfy(line -> assertThat(line).contains("epoch 15 of 15"));
        return alignment;
    }

    private static void assertResidualsFall(Alignment alignment) {
        Map<String, Double> before = AlignmentDetails.residualsBefore(alignment);
        for (String block : List.of("conv1", "conv2")) {
            assertThat(alignment.residuals().get(block)).as(block).isLessThan(before.get(block));
        }
    }
}
