package org.distill4j.plugin.pruning;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/**
 * Pruning compressors: structured ones that build FSKD's students (L1-norm filter pruning, network slimming) and
 * Prune-then-Distill's unstructured, iterative magnitude pruning; and the sparsity-matched student family that Park
 * and No design from a pruned teacher.
 */
public final class PruningPlugin implements Distill4jPlugin {

    static final String L1_CITATION = "Li, Kadav, Durdanovic, Samet, Graf. Pruning Filters for Efficient ConvNets."
            + " ICLR 2017";
    static final String PRUNE_THEN_DISTILL_CITATION = "Park, No. Prune Your Model Before Distill It. ECCV 2022";
    static final String SLIMMING_CITATION = "Liu, Li, Shen, Huang, Yan, Zhang. Learning Efficient Convolutional"
            + " Networks through Network Slimming. ICCV 2017";

    @Override
    public String name() {
        return "pruning";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.compressor("l1-filter", L1FilterParams.class, L1FilterCompressor.class, "removes the"
                        + " filters with the smallest L1 norms from chosen convolutions, with their output channels"
                        + " and the next layer's input slices (a physically narrower network)", L1_CITATION),
                Component.compressor("network-slimming", NetworkSlimmingParams.class, NetworkSlimmingCompressor.class,
                        "removes the channels whose batch-norm |gamma| falls below one global percentile threshold"
                                + " (train the teacher with batch-norm-l1 first)", SLIMMING_CITATION),
                Component.compressor("magnitude", MagnitudeParams.class, MagnitudeCompressor.class, "masks the"
                        + " smallest-magnitude convolution and dense weights, a fraction of the remaining ones per"
                        + " round, globally or per layer, retraining between rounds with the learning rate rewound"
                        + " (unstructured; the masks hold through every later training)", PRUNE_THEN_DISTILL_CITATION),
                Component.modelFamily(SparsityMatchedFamily.NAME, SparsityMatchedParams.class,
                        SparsityMatchedFamily.class, "a student designed from a pruned teacher (student.source): the"
                                + " teacher's topology, each layer as wide as makes its weight count match the"
                                + " layer's non-zero weights", PRUNE_THEN_DISTILL_CITATION));
    }
}
