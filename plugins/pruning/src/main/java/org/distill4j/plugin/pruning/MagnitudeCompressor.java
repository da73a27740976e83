package org.distill4j.plugin.pruning;

import jakarta.inject.Inject;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.Compressor;
import org.distill4j.api.Retraining;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkStatistics;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Park and No 2022 (Prune Your Model Before Distill It), the pruning step, after the reference code's
 * {@code pruning/lr_rewinding.py}: every convolution and dense weight (the first convolution and the classifier
 * included; biases and batch norms never) is masked; each round removes {@code fraction} of the remaining weights
 * with the smallest magnitudes, under one global threshold or per layer, and retrains with the run's training, its
 * learning-rate schedule restarted and the weights kept (LR rewinding, not the lottery ticket's weight rewinding).
 * Rounds 1 to k-1 retrain here; round k's retraining is the run's own training, which keeps the masks too.
 *
 * <p>A teacher that is already sparse (the model of an earlier magnitude run, continued for more rounds) starts
 * from masks that drop its zero weights: masked weights are stored as exact zeros, and a trained weight is never
 * exactly zero. The student keeps the teacher's architecture; its pruning is in its masks.
 */
public final class MagnitudeCompressor implements Compressor {

    private final MagnitudeParams parameters;

    @Inject
    public MagnitudeCompressor(MagnitudeParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public Compression compress(Network teacher, CompressionContext context) {
        NetworkSpec spec = teacher.spec();
        Network network = new Network(spec, teacher.graph().clone());
        List<String> layers = maskedLayers(spec);
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        for (String layer : layers) {
            double[] weights = flat(network, layer);
            boolean[] mask = new boolean[weights.length];
            for (int i = 0; i < weights.length; i++) {
                mask[i] = weights[i] != 0;
            }
            masks.put(layer, mask);
        }
        double initialSparsity = sparsity(masks);
        if (initialSparsity > 0) {
            context.report(String.format(Locale.ROOT, "magnitude: the teacher is %.2f%% sparse already (an earlier"
                    + " pruning run); its zero weights stay pruned", 100 * initialSparsity));
        }
        List<MagnitudeDetails.Round> history = new ArrayList<>();
        for (int round = 1; round <= parameters.rounds(); round++) {
            Map<String, double[]> weights = new LinkedHashMap<>();
            layers.forEach(layer -> weights.put(layer, flat(network, layer)));
            MagnitudeMasks.prune(weights, masks, parameters.fraction(), parameters.scope());
            Map<String, INDArray> arrays = arrays(network, masks);
            arrays.forEach((layer, mask) -> NetworkWeights.get(network, layer, NetworkWeights.WEIGHT).muli(mask));
            double roundSparsity = sparsity(masks);
            Map<String, MagnitudeDetails.Layer> roundLayers = layerRecords(masks);
            report(context, round, masks);
            if (round < parameters.rounds()) {
                Retraining retrained = context.retrain(network, new MagnitudeWeightMasks(arrays),
                        "prune-round-" + round);
                history.add(new MagnitudeDetails.Round(round, roundSparsity, roundLayers, retrained.epochs(),
                        retrained.testAccuracy(), Double.isNaN(retrained.validationAccuracy()) ? null
                                : retrained.validationAccuracy()));
                context.report(String.format(Locale.ROOT, "magnitude round %d of %d retrained %d epochs in %.0f s:"
                                + " test accuracy %.2f%%%s", round, parameters.rounds(), retrained.epochs(),
                        retrained.seconds(), 100 * retrained.testAccuracy(),
                        Double.isNaN(retrained.validationAccuracy()) ? "" : String.format(Locale.ROOT,
                                ", validation %.2f%%", 100 * retrained.validationAccuracy())));
            } else {
                context.report(String.format(Locale.ROOT, "magnitude round %d of %d: retrained by the run's own"
                        + " training", round, parameters.rounds()));
                history.add(new MagnitudeDetails.Round(round, roundSparsity, roundLayers, null, null, null));
            }
        }
        MagnitudeDetails details = new MagnitudeDetails(parameters.scope().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), parameters.fraction(), initialSparsity, sparsity(masks), layerRecords(masks),
                history);
        NetworkStatistics before = spec.statistics();
        return new Compression(network, Map.of(), before, sparse(spec, before, masks), details,
                new MagnitudeWeightMasks(arrays(network, masks)));
    }

    /** The pruned weights stay zero through every later training, by the masks this compression hands on. */
    @Override
    public boolean masksWeights() {
        return true;
    }

    /** Every convolution and dense layer, in the network's order. */
    static List<String> maskedLayers(NetworkSpec spec) {
        return spec.nodes().stream()
                .filter(node -> node instanceof NodeSpec.Conv2d || node instanceof NodeSpec.Dense)
                .map(NodeSpec::name).toList();
    }

    /** The share of masked weights that the masks remove. */
    static double sparsity(Map<String, boolean[]> masks) {
        long total = masks.values().stream().mapToLong(mask -> mask.length).sum();
        long kept = masks.values().stream().mapToLong(MagnitudeMasks::kept).sum();
        return total == 0 ? 0 : 1 - (double) kept / total;
    }

    private static void report(CompressionContext context, int round, Map<String, boolean[]> masks) {
        long total = masks.values().stream().mapToLong(mask -> mask.length).sum();
        long kept = masks.values().stream().mapToLong(MagnitudeMasks::kept).sum();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "magnitude round %d: sparsity %.2f%%"
                + " (%,d of %,d weights kept); per layer:", round, 100 * sparsity(masks), kept, total));
        masks.forEach((layer, mask) -> line.append(String.format(Locale.ROOT, " %s %.1f%%", layer,
                100 * (1 - (double) MagnitudeMasks.kept(mask) / mask.length))));
        context.report(line.toString());
    }

    private static Map<String, MagnitudeDetails.Layer> layerRecords(Map<String, boolean[]> masks) {
        Map<String, MagnitudeDetails.Layer> layers = new LinkedHashMap<>();
        masks.forEach((layer, mask) -> {
            long kept = MagnitudeMasks.kept(mask);
            layers.put(layer, new MagnitudeDetails.Layer(mask.length, kept, 1 - (double) kept / mask.length));
        });
        return layers;
    }

    /** Parameters and multiply-accumulates that remain when the masked weights are skipped. */
    private static NetworkStatistics sparse(NetworkSpec spec, NetworkStatistics dense, Map<String, boolean[]> masks) {
        Map<String, TensorShape> shapes = spec.shapes();
        Map<String, Long> byVertex = new LinkedHashMap<>(dense.parametersByVertex());
        long parameters = dense.parameters();
        long multiplyAccumulates = dense.multiplyAccumulates();
        for (Map.Entry<String, boolean[]> layer : masks.entrySet()) {
            long removed = layer.getValue().length - MagnitudeMasks.kept(layer.getValue());
            TensorShape out = shapes.get(layer.getKey());
            long positions = out.flat() ? 1 : (long) out.height() * out.width();
            parameters -= removed;
            multiplyAccumulates -= removed * positions;
            byVertex.merge(layer.getKey(), -removed, Long::sum);
        }
        return new NetworkStatistics(parameters, multiplyAccumulates, byVertex);
    }

    private static double[] flat(Network network, String layer) {
        return Nd4j.toFlattened('c', NetworkWeights.get(network, layer, NetworkWeights.WEIGHT)).toDoubleVector();
    }

    private static Map<String, INDArray> arrays(Network network, Map<String, boolean[]> masks) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        masks.forEach((layer, mask) -> {
            INDArray weight = NetworkWeights.get(network, layer, NetworkWeights.WEIGHT);
            double[] values = new double[mask.length];
            for (int i = 0; i < mask.length; i++) {
                values[i] = mask[i] ? 1 : 0;
            }
            arrays.put(layer, Nd4j.create(values, weight.shape(), 'c').castTo(weight.dataType()));
        });
        return arrays;
    }
}
