package org.distill4j.plugin.fskd;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Few-sample knowledge distillation (FSKD) and the few-sample baselines it is compared with. */
public final class FskdPlugin implements Distill4jPlugin {

    static final String CITATION = "Li, Li, Liu, Zhang. Few Sample Knowledge Distillation for Efficient Network"
            + " Compression. CVPR 2020 (arXiv 1812.01839)";

    @Override
    public String name() {
        return "fskd";
    }

    @Override
    public List<Component<?>> components() {
        return List.of();
    }
}
