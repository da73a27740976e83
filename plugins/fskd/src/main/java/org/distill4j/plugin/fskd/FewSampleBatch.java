package org.distill4j.plugin.fskd;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Objects;

/**
 * One mini-batch of the few samples.
 *
 * @param features {@code [batch, channels, H, W]}
 * @param labels   the class of each image (only label-based objectives read them)
 * @param targets  the teacher's block targets, one per block, {@code [batch, kept channels, H, W]} (empty if unused)
 */
public record FewSampleBatch(INDArray features, int[] labels, List<INDArray> targets) {

    public FewSampleBatch {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        targets = List.copyOf(targets);
    }
}
