package org.distill4j.plugin.pruning;

import jakarta.inject.Inject;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.Compressor;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Li, Kadav, Durdanovic, Samet, Graf, "Pruning Filters for Efficient ConvNets", ICLR 2017: each filter of a pruned
 * convolution is scored by the L1 norm of its weights, s_j = sum |F_j|, and the lowest-scoring fraction is removed
 * with its output channel and the next layer's input slice. Scores are computed on the original weights of every
 * layer independently (the paper's "independent" strategy); the kept filters stay in their original order.
 */
public final class L1FilterCompressor implements Compressor {

    private final L1FilterParams parameters;

    @Inject
    public L1FilterCompressor(L1FilterParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public Compression compress(Network teacher, CompressionContext context) {
        List<String> prunable = new ChannelFlow(teacher.spec()).prunableConvolutions();
        Map<String, Double> ratios = PruningRatios.of(parameters.ratio(), parameters.layers(), parameters.layerRatios(),
                prunable);
        Map<String, List<Integer>> kept = new LinkedHashMap<>();
        Map<String, L1FilterDetails.Layer> layers = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : ratios.entrySet()) {
            double[] scores = filterNorms(NetworkWeights.get(teacher, entry.getKey(), NetworkWeights.WEIGHT));
            int keep = PruningRatios.keep(scores.length, entry.getValue());
            kept.put(entry.getKey(), strongest(scores, keep));
            layers.put(entry.getKey(), new L1FilterDetails.Layer(entry.getValue(), scores.length, keep));
            context.report(String.format(Locale.ROOT, "l1-filter %s: keeps %d of %d filters", entry.getKey(),
                    keep, scores.length));
        }
        return ChannelPruner.prune(teacher, kept, context, new L1FilterDetails(layers));
    }

    /** The layers and per-layer ratios must name prunable convolutions of the architecture. */
    @Override
    public Optional<String> problem(NetworkSpec architecture) {
        try {
            PruningRatios.of(parameters.ratio(), parameters.layers(), parameters.layerRatios(),
                    new ChannelFlow(architecture).prunableConvolutions());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The L1 norm of each filter of a {@code [out, in, k, k]} weight. */
    static double[] filterNorms(INDArray weights) {
        // Read through a copy: slices of DL4J's parameter views have no data buffer in ND4J 1.0.0-M2.1.
        double[] values = weights.dup('c').data().asDouble();
        double[] norms = new double[(int) weights.size(0)];
        int perFilter = values.length / norms.length;
        for (int i = 0; i < values.length; i++) {
            norms[i / perFilter] += Math.abs(values[i]);
        }
        return norms;
    }

    /** The indices of the {@code keep} largest scores, ascending; ties keep the lower index. */
    static List<Integer> strongest(double[] scores, int keep) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, scores.length).boxed().toList());
        order.sort(Comparator.<Integer>comparingDouble(index -> -scores[index]).thenComparing(index -> index));
        List<Integer> chosen = new ArrayList<>(order.subList(0, keep));
        chosen.sort(Comparator.naturalOrder());
        return List.copyOf(chosen);
    }
}
