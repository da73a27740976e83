package org.distill4j.api;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkStatistics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compressed network and what the compression did.
 *
 * @param network      the compressed network
 * @param keptChannels for each vertex whose output channels were removed, the indices (into the original vertex's
 *                     channels) that the compressed vertex keeps, in order
 * @param before       size and cost of the original
 * @param after        size and cost of the compressed network
 * @param details      method-specific facts for provenance (ranks, thresholds, sparsity per layer)
 * @param masks        for each layer pruned weight by weight (unstructured pruning), a 0/1 mask of its weight
 *                     {@code W}, shaped like it: every later training of the student keeps the masked weights at
 *                     zero. Empty for compressions that change the architecture instead.
 */
public record Compression(Network network, Map<String, List<Integer>> keptChannels, NetworkStatistics before,
        NetworkStatistics after, Map<String, Object> details, Map<String, INDArray> masks) {

    public Compression {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        keptChannels = Map.copyOf(keptChannels);
        details = Map.copyOf(details);
        // Insertion order is the layers' order, which the records print.
        masks = Collections.unmodifiableMap(new LinkedHashMap<>(masks));
    }

    /** A compression that removes channels or factorises layers and masks no weight. */
    public Compression(Network network, Map<String, List<Integer>> keptChannels, NetworkStatistics before,
            NetworkStatistics after, Map<String, Object> details) {
        this(network, keptChannels, before, after, details, Map.of());
    }
}
