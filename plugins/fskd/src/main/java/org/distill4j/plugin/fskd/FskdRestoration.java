package org.distill4j.plugin.fskd;

import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Writes a folded, aligned student back into the compressed student's exact architecture, so the result has its
 * parameter and FLOP counts. Where the compressed student had conv-BN, the aligned conv weights go into the conv and
 * the batch norm becomes an identity that carries the bias: gamma 1, mean 0, variance {@code 1 - eps} (so its
 * inference std {@code sqrt(var + eps)} is 1), beta = the folded bias. A conv that has a bias of its own keeps 0 there.
 */
public final class FskdRestoration {

    private FskdRestoration() {
    }

    /**
     * @param aligned    the aligned student in folded form (Qs merged), the spec of {@code folding.network()}
     * @param folding    how the compressed student was folded
     * @param compressed the compressed student: the architecture to restore, and the source of every parameter the
     *                   folded network lacks
     */
    public static Network restore(Network aligned, FoldedNetwork folding, Network compressed, NetworkFactory factory,
            long seed) {
        NetworkSpec spec = compressed.spec();
        Network restored = factory.build(spec, seed);
        NetworkWeights.copyMatching(compressed, restored);
        NetworkWeights.copyMatching(aligned, restored);
        for (Map.Entry<String, String> pair : folding.batchNorms().entrySet()) {
            writeAsIdentityNorm(aligned, pair.getKey(), pair.getValue(), restored);
        }
        return restored;
    }

    private static void writeAsIdentityNorm(Network aligned, String conv, String norm, Network restored) {
        NetworkWeights.set(restored, conv, NetworkWeights.WEIGHT, NetworkWeights.copy(aligned, conv, NetworkWeights.WEIGHT));
        INDArray bias = NetworkWeights.copy(aligned, conv, NetworkWeights.BIAS);
        long channels = bias.length();
        if (NetworkWeights.has(restored, conv, NetworkWeights.BIAS)) {
            NetworkWeights.set(restored, conv, NetworkWeights.BIAS, Nd4j.zeros(DataType.DOUBLE, channels));
        }
        double eps = FskdFolding.epsilon(restored, norm);
        NetworkWeights.set(restored, norm, NetworkWeights.GAMMA, Nd4j.ones(DataType.DOUBLE, channels));
        NetworkWeights.set(restored, norm, NetworkWeights.BETA, bias);
        NetworkWeights.set(restored, norm, NetworkWeights.MEAN, Nd4j.zeros(DataType.DOUBLE, channels));
        if (NetworkWeights.has(restored, norm, NetworkWeights.VARIANCE)) {
            NetworkWeights.set(restored, norm, NetworkWeights.VARIANCE,
                    Nd4j.valueArrayOf(new long[] {channels}, 1 - eps, DataType.DOUBLE));
        } else {
            // log10 of the std whose square is the variance 1 - eps.
            NetworkWeights.set(restored, norm, NetworkWeights.LOG10_STD,
                    Nd4j.valueArrayOf(new long[] {channels}, 0.5 * Math.log10(1 - eps), DataType.DOUBLE));
        }
    }
}
