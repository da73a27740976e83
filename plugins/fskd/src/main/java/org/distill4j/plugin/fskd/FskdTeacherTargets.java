package org.distill4j.plugin.fskd;

import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The teacher's pre-activations at every block, restricted to the kept channels, for each mini-batch: computed once
 * (inference mode) and reused by every block and epoch, since the teacher never changes.
 */
final class FskdTeacherTargets {

    private FskdTeacherTargets() {
    }

    /** {@code targets.get(batch).get(block)}: {@code [batch, kept channels, H, W]}. */
    static List<List<INDArray>> compute(Network teacher, List<FskdBlock> blocks, List<INDArray> batches,
            NetworkFactory factory, long seed) {
        List<String> vertices = blocks.stream().map(FskdBlock::teacherVertex).distinct().toList();
        FskdTappedNetwork tapped = FskdTappedNetwork.of(teacher, vertices, factory, seed);
        List<List<INDArray>> targets = new ArrayList<>();
        for (INDArray batch : batches) {
            INDArray[] outputs = tapped.outputs(batch);
            List<INDArray> perBlock = new ArrayList<>();
            for (FskdBlock block : blocks) {
                INDArray full = outputs[tapped.index(block.teacherVertex())];
                perBlock.add(full.get(NDArrayIndex.all(), NDArrayIndex.indices(block.teacherIndices()),
                        NDArrayIndex.all(), NDArrayIndex.all()).dup());
            }
            targets.add(List.copyOf(perBlock));
        }
        return List.copyOf(targets);
    }

    /** Per block, the targets of all images in one array {@code [N, kept channels, H, W]}. */
    static List<INDArray> perBlock(List<List<INDArray>> perBatch, int blocks) {
        List<INDArray> joined = new ArrayList<>();
        for (int block = 0; block < blocks; block++) {
            int index = block;
            INDArray[] parts = perBatch.stream().map(batch -> batch.get(index)).toArray(INDArray[]::new);
            joined.add(parts.length == 1 ? parts[0] : Nd4j.concat(0, parts));
        }
        return List.copyOf(joined);
    }
}
