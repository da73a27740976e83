package org.distill4j.plugin.fskd;

import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inserts FSKD's 1x1 convs Q after block convs and merges them back (Theorem 1 / Corollary 1 of Li et al. 2020):
 * for a conv {@code W [out, in, k, k]} with bias {@code b} followed by {@code Q [out', out]},
 * {@code W'[:, :, kh, kw] = Q W[:, :, kh, kw]} and {@code b' = Q b}. With no non-linearity in between this is exact,
 * so the aligned student has no extra parameters or FLOPs.
 */
public final class FskdQLayers {

    /** Appended to a block conv's name to name its Q. */
    public static final String SUFFIX = ".q";

    private FskdQLayers() {
    }

    public static String qName(String vertex) {
        return vertex + SUFFIX;
    }

    /** The network with a Q = identity after each listed conv; every other parameter copied. */
    public static Network insert(Network network, List<String> convs, NetworkFactory factory, long seed) {
        NetworkSpec spec = network.spec();
        Map<String, NodeSpec> inserted = new LinkedHashMap<>();
        for (String vertex : convs) {
            NodeSpec.Conv2d conv = FskdSpecEdits.conv(spec, vertex, "the student");
            inserted.put(vertex, new NodeSpec.Conv2d(qName(vertex), vertex, conv.outChannels(), 1, 1, 0, false));
        }
        Network withQ = factory.build(FskdSpecEdits.insertAfter(spec, inserted), seed);
        NetworkWeights.copyMatching(network, withQ);
        for (String vertex : convs) {
            long channels = ((NodeSpec.Conv2d) inserted.get(vertex)).outChannels();
            setQ(withQ, vertex, Nd4j.eye(channels).castTo(DataType.DOUBLE));
        }
        return withQ;
    }

    /** Sets the Q of a block conv from a {@code [out, in]} matrix. */
    public static void setQ(Network network, String vertex, INDArray q) {
        NetworkWeights.set(network, qName(vertex), NetworkWeights.WEIGHT, q);
    }

    /** The Q of a block conv as a float64 {@code [out, in]} matrix. */
    public static INDArray q(Network network, String vertex) {
        INDArray weight = NetworkWeights.copy(network, qName(vertex), NetworkWeights.WEIGHT);
        return weight.reshape(weight.size(0), weight.size(1));
    }

    /** The network with every Q merged into its conv and removed; the spec is the one before {@link #insert}. */
    public static Network merge(Network withQ, List<String> convs, NetworkFactory factory, long seed) {
        Set<String> removed = convs.stream().map(FskdQLayers::qName).collect(Collectors.toSet());
        Map<String, String> renames = new HashMap<>();
        convs.forEach(vertex -> renames.put(qName(vertex), vertex));
        Network merged = factory.build(FskdSpecEdits.remove(withQ.spec(), removed, renames), seed);
        NetworkWeights.copyMatching(withQ, merged);
        for (String vertex : convs) {
            INDArray q = q(withQ, vertex);
            INDArray weight = NetworkWeights.copy(withQ, vertex, NetworkWeights.WEIGHT);
            NetworkWeights.set(merged, vertex, NetworkWeights.WEIGHT, mergeWeight(q, weight));
            if (NetworkWeights.has(withQ, vertex, NetworkWeights.BIAS)) {
                INDArray bias = NetworkWeights.copy(withQ, vertex, NetworkWeights.BIAS).reshape(-1, 1);
                NetworkWeights.set(merged, vertex, NetworkWeights.BIAS, q.mmul(bias));
            }
        }
        return merged;
    }

    /** {@code W'[:, :, kh, kw] = Q W[:, :, kh, kw]} for every kernel position, as one product over {@code [out, in k k]}. */
    static INDArray mergeWeight(INDArray q, INDArray weight) {
        long[] shape = weight.shape();
        if (q.size(1) != shape[0]) {
            throw new IllegalArgumentException("Q has " + q.size(1) + " inputs but the conv has " + shape[0]
                    + " outputs (Theorem 1's condition c1)");
        }
        INDArray merged = q.castTo(DataType.DOUBLE).mmul(weight.castTo(DataType.DOUBLE).reshape(shape[0], -1));
        return merged.reshape(q.size(0), shape[1], shape[2], shape[3]);
    }
}
