package org.distill4j.plugin.fskd;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.testkit.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.distill4j.plugin.fskd.FskdTestNetworks.FACTORY;

class FewSampleTrainerTest {

    private static final INDArray IMAGES = TinyData.dataset(3, 20, 5, 3).train().features();

    @Test
    void theWorkspaceFreeFallbackCopyHasTheSameParametersAndOutput() {
        Network folded = FskdFolding.fold(FskdTestNetworks.tinyWithBatchNorm(4, 91), FACTORY, 1).network();
        Network copy = FewSampleTrainer.withoutWorkspaces(folded);

        assertThat(copy.graph()).isNotSameAs(folded.graph());
        assertThat(copy.graph().params()).isEqualTo(folded.graph().params());
        assertThat(FskdTestNetworks.relativeError(FskdTestNetworks.output(copy, IMAGES),
                FskdTestNetworks.output(folded, IMAGES))).isLessThan(1e-6);
    }

    @Test
    void onlyTheTrainableVerticesChange() {
        Network folded = FskdFolding.fold(FskdTestNetworks.tinyWithBatchNorm(4, 92), FACTORY, 1).network();
        Network network = FskdTappedNetwork.of(folded, List.of(), FACTORY, 1).network();
        INDArray conv1 = NetworkWeights.copy(network, "conv1", NetworkWeights.WEIGHT);
        INDArray logits = NetworkWeights.copy(network, "logits", NetworkWeights.WEIGHT);
        FewSampleTrainer trainer = new FewSampleTrainer(network, "logits"::equals);

        trainer.train(IMAGES, new int[20], List.of(), new FewSampleCrossEntropy(),
                new FewSampleSettings(20, 2, 10, 0.1, 0.5), 1, "test", line -> { });

        assertThat(NetworkWeights.copy(trainer.network(), "conv1", NetworkWeights.WEIGHT)).isEqualTo(conv1);
        assertThat(NetworkWeights.copy(trainer.network(), "logits", NetworkWeights.WEIGHT)).isNotEqualTo(logits);
    }

    @Test
    void aDivergingRunStopsWithAnErrorNamingTheLearningRate() {
        Network teacher = FskdTestNetworks.tinyWithBatchNorm(4, 93);
        Network student = FACTORY.build(teacher.spec(), 94);
        NetworkWeights.copyMatching(teacher, student);
        FskdTestNetworks.perturb(student, 0.3, 95);

        assertThatThrownBy(() -> new FskdSgdAligner(new FskdSgdParams(20, 30, 10, 1e4, 0.9)).align(teacher,
                FskdBcdAlignerTest.compression(student, Map.of()), new FskdTestContext(TinyData.dataset(3, 40, 5, 3))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fskd-sgd diverged")
                .hasMessageContaining("lower learning-rate (now 10000.0)");
    }
}
