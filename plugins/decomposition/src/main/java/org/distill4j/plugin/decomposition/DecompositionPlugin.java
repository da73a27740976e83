package org.distill4j.plugin.decomposition;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/**
 * Low-rank decomposition of convolutions, one of the three kinds of compressed students that FSKD aligns
 * ("decomposed/decoupled" students, next to filter-pruned and slimmed ones).
 */
public final class DecompositionPlugin implements Distill4jPlugin {

    static final String CITATION = "Jaderberg, Vedaldi, Zisserman. Speeding up Convolutional Neural Networks with Low"
            + " Rank Expansions. BMVC 2014; Zhang, Zou, He, Sun. Accelerating Very Deep Convolutional Networks for"
            + " Classification and Detection. TPAMI 2016";

    @Override
    public String name() {
        return "decomposition";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.compressor("low-rank", LowRankParams.class, LowRankCompressor.class, "replaces each"
                + " chosen k x k conv c by a k x k conv c.basis with r filters and a 1x1 conv c, from the truncated"
                + " SVD of its weights reshaped to C_out x (C_in k k)", CITATION));
    }
}
