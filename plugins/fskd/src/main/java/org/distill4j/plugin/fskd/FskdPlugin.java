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
        return List.of(
                Component.aligner("fskd-bcd", FskdBcdParams.class, FskdBcdAligner.class, "FSKD: a 1x1 conv Q after"
                        + " every block conv, solved block by block in closed form (least squares to the teacher's"
                        + " pre-activations on a few unlabeled images), then merged into the conv", CITATION),
                Component.aligner("fskd-sgd", FskdSgdParams.class, FskdSgdAligner.class, "FSKD-SGD: the same Qs"
                        + " trained jointly by SGD on the sum of the block L2 losses, then merged", CITATION),
                Component.aligner("few-sample-fitnet", FewSampleFitnetParams.class, FewSampleFitnetAligner.class,
                        "few-sample FitNet baseline: all student weights trained by SGD on the block L2 losses"
                                + " (no labels)", CITATION),
                Component.aligner("few-sample-fine-tune", FewSampleFineTuneParams.class,
                        FewSampleFineTuneAligner.class, "few-sample fine-tuning baseline: all student weights"
                                + " trained by SGD on cross-entropy with the few images' labels", CITATION));
    }
}
