package org.distill4j.plugin.probabilistictransfer;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/**
 * Probabilistic knowledge transfer (PKT): the student matches the teacher's conditional probabilities of the samples
 * of a batch under a cosine-similarity kernel.
 */
public final class ProbabilisticTransferPlugin implements Distill4jPlugin {

    static final String CITATION = "Passalis, Tefas. Learning Deep Representations with Probabilistic Knowledge"
            + " Transfer. ECCV 2018, arXiv:1803.10837";

    @Override
    public String name() {
        return "probabilistic-knowledge-transfer";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("pkt", ProbabilisticTransferParams.class,
                ProbabilisticTransferDistiller.class, "KL divergence between the teacher's and the student's"
                        + " conditional probabilities of the batch samples under the cosine kernel (cos + 1)/2, as in"
                        + " the authors' code (the PKT term; add cross-entropy or hinton-kd)", CITATION));
    }
}
