package org.distill4j.plugin.pruning;

import jakarta.inject.Inject;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.Compressor;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Liu et al., "Learning Efficient Convolutional Networks through Network Slimming", ICCV 2017, the pruning step:
 * the |gamma| of every batch norm that follows a prunable convolution are pooled, the threshold is the value at
 * position floor(total * percent) of the ascending order (one threshold for the whole network, never per layer),
 * and each convolution keeps the channels whose |gamma| exceeds it. A layer that would lose every channel keeps its
 * largest. The sparsity training that makes gamma informative (lambda * sign(gamma) added to the scale gradients)
 * belongs to the teacher's training: {@code training: {batch-norm-l1: 1e-4}}.
 */
public final class NetworkSlimmingCompressor implements Compressor {

    private final NetworkSlimmingParams parameters;

    @Inject
    public NetworkSlimmingCompressor(NetworkSlimmingParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public Compression compress(Network teacher, CompressionContext context) {
        Map<String, double[]> scales = new LinkedHashMap<>();
        for (String convolution : new ChannelFlow(teacher.spec()).prunableConvolutions()) {
            batchNormAfter(teacher, convolution).ifPresent(batchNorm -> scales.put(convolution,
                    Arrays.stream(NetworkWeights.copy(teacher, batchNorm, NetworkWeights.GAMMA).toDoubleVector())
                            .map(Math::abs).toArray()));
        }
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("network slimming needs batch norms after prunable convolutions; this "
                    + teacher.spec().family() + " network has none (a VGG needs batch-norm: true)");
        }
        double threshold = threshold(scales, parameters.percent());
        Map<String, List<Integer>> kept = new LinkedHashMap<>();
        Map<String, NetworkSlimmingDetails.Layer> layers = new LinkedHashMap<>();
        scales.forEach((convolution, gammas) -> {
            List<Integer> channels = new ArrayList<>();
            for (int channel = 0; channel < gammas.length; channel++) {
                if (gammas[channel] > threshold) {
                    channels.add(channel);
                }
            }
            if (channels.isEmpty()) {
                channels.add(L1FilterCompressor.strongest(gammas, 1).get(0));
            }
            kept.put(convolution, List.copyOf(channels));
            layers.put(convolution, new NetworkSlimmingDetails.Layer(gammas.length, channels.size()));
            context.report(String.format(Locale.ROOT, "network-slimming %s: keeps %d of %d channels", convolution,
                    channels.size(), gammas.length));
        });
        return ChannelPruner.prune(teacher, kept, context, new NetworkSlimmingDetails(threshold, layers));
    }

    /** The value at position floor(total * percent) of every |gamma| in ascending order. */
    static double threshold(Map<String, double[]> scales, double percent) {
        double[] all = scales.values().stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return all[Math.min(all.length - 1, (int) Math.floor(all.length * percent))];
    }

    private static Optional<String> batchNormAfter(Network network, String convolution) {
        return network.spec().consumers(convolution).stream()
                .filter(consumer -> network.spec().node(consumer).orElseThrow() instanceof NodeSpec.BatchNorm)
                .findFirst();
    }
}
