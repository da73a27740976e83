package org.distill4j.plugin.decoupledkd;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Decoupled knowledge distillation (DKD): the KD loss split into its target-class and non-target-class parts. */
public final class DecoupledKdPlugin implements Distill4jPlugin {

    static final String CITATION = "Zhao, Cui, Song, Qiu, Liang. Decoupled Knowledge Distillation. CVPR 2022,"
            + " arXiv:2203.08679; official code megvii-research/mdistiller";

    @Override
    public String name() {
        return "decoupled-kd";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("dkd", DecoupledKdParams.class, DecoupledKdDistiller.class,
                "decoupled KD: ce-weight CE + min(epoch/warmup, 1) (alpha TCKD + beta NCKD), both KL terms at"
                        + " temperature T times T^2",
                CITATION));
    }
}
