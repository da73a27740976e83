package org.distill4j.api;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkStatistics;

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
 * @param details      method-specific facts for the run's records (ranks, thresholds, sparsity per layer): a record
 *                     of the plugin's, written to {@code metrics.json} with its components in kebab-case
 * @param training     what every later training of the student must do to keep the compression: unstructured
 *                     pruning holds its pruned weights at zero. {@link TrainingHook#NONE} for compressions that
 *                     change the architecture instead.
 */
public record Compression(Network network, Map<String, List<Integer>> keptChannels, NetworkStatistics before,
        NetworkStatistics after, Record details, TrainingHook training) {

    public Compression {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        keptChannels = Map.copyOf(keptChannels);
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(training, "training");
    }

    /** A compression that removes channels or factorises layers, and that training need not keep. */
    public Compression(Network network, Map<String, List<Integer>> keptChannels, NetworkStatistics before,
            NetworkStatistics after, Record details) {
        this(network, keptChannels, before, after, details, TrainingHook.NONE);
    }
}
