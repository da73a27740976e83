package org.distill4j.plugin.fskd;

import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures each block's mean squared residual {@code mean((S_j - T_j)^2)} of a folded student (Qs merged) against
 * the teacher targets, so every aligner reports the same quantity before and after it runs.
 */
final class FskdBlockResiduals {

    private FskdBlockResiduals() {
    }

    /**
     * @param folded   a folded student (spec without Qs)
     * @param targets  per block, the teacher targets of all images
     */
    static Map<String, Double> measure(Network folded, List<FskdBlock> blocks, INDArray features,
            List<INDArray> targets, int batchSize, NetworkFactory factory, long seed) {
        FskdTappedNetwork tapped = FskdTappedNetwork.of(folded, FskdBlocks.vertices(blocks), factory, seed);
        double[] sums = new double[blocks.size()];
        long count = features.size(0);
        for (long start = 0; start < count; start += batchSize) {
            long end = Math.min(count, start + batchSize);
            INDArray[] outputs = tapped.outputs(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.all()));
            for (int block = 0; block < blocks.size(); block++) {
                INDArray student = outputs[tapped.index(blocks.get(block).vertex())].castTo(DataType.DOUBLE);
                INDArray target = targets.get(block).get(NDArrayIndex.interval(start, end), NDArrayIndex.all(),
                        NDArrayIndex.all(), NDArrayIndex.all()).castTo(DataType.DOUBLE);
                INDArray difference = student.subi(target);
                sums[block] += difference.mul(difference).sumNumber().doubleValue();
            }
        }
        Map<String, Double> residuals = new LinkedHashMap<>();
        for (int block = 0; block < blocks.size(); block++) {
            residuals.put(blocks.get(block).vertex(), sums[block] / targets.get(block).length());
        }
        return residuals;
    }
}
