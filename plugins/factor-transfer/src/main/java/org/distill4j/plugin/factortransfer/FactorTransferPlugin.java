package org.distill4j.plugin.factortransfer;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/**
 * Factor transfer (FT) of Kim, Park and Kwak: a paraphraser (a convolutional autoencoder) is trained on the teacher's
 * features first; the student then learns, through a translator, to match the paraphraser's normalised factors.
 */
public final class FactorTransferPlugin implements Distill4jPlugin {

    static final String CITATION = "Kim, Park, Kwak. Paraphrasing Complex Network: Network Compression via Factor"
            + " Transfer. NeurIPS 2018 (arXiv:1802.04977)";

    @Override
    public String name() {
        return "factor-transfer";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.distiller("ft-paraphraser", FtParaphraserParams.class, FtParaphraserDistiller.class,
                        "trains factor transfer's paraphraser, a convolutional autoencoder on a teacher feature map"
                                + " (reconstruction L1, or MSE in repdistiller mode); the teacher-only stage before"
                                + " ft", CITATION),
                Component.distiller("ft", FtParams.class, FtDistiller.class,
                        "factor transfer: beta * mean |phi(translator(S)) - phi(encoder(T))|, the L1 distance of the"
                                + " L2-normalised factors of a trained translator and of the fixed paraphraser an"
                                + " ft-paraphraser stage trained", CITATION));
    }
}
