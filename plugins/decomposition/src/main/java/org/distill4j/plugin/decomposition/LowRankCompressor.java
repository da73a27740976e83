package org.distill4j.plugin.decomposition;

import jakarta.inject.Inject;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.Compressor;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Low-rank decomposition by truncated SVD (Jaderberg et al. 2014; Zhang et al. 2016): each chosen k x k conv with
 * weights W {@code [C_out, C_in, k, k]} becomes a k x k conv of r filters and a 1x1 conv, from
 * {@code W_mat ~ U_r S_r V_r^T} with {@code W_mat} of shape {@code C_out x (C_in k k)}: basis filters
 * {@code S_r V_r^T = U_r^T W_mat}, pointwise weights {@code U_r} (see {@link LowRankFactors}). By Eckart-Young this
 * is the rank-r conv closest to the original in Frobenius norm, error^2 = the sum of the dropped squared singular
 * values. No output channel is removed, so the compression keeps no channel indices: every vertex's channels
 * correspond to the teacher's.
 */
public final class LowRankCompressor implements Compressor {

    private final LowRankParams params;

    @Inject
    public LowRankCompressor(LowRankParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** Named layers must be convolutions of the architecture. */
    @Override
    public Optional<String> problem(NetworkSpec architecture) {
        try {
            LowRankLayers.choose(params, architecture);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Compression compress(Network teacher, CompressionContext context) {
        NetworkSpec spec = teacher.spec();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Map<String, LowRankFactors> factors = new LinkedHashMap<>();
        Map<String, LowRankDetails.Layer> layerDetails = new LinkedHashMap<>();
        for (NodeSpec.Conv2d conv : LowRankLayers.choose(params, spec)) {
            INDArray weights = NetworkWeights.copy(teacher, conv.name(), NetworkWeights.WEIGHT);
            LowRankFactors factored = LowRankFactors.of(weights, params.target());
            long inputs = weights.length() / conv.outChannels();
            long before = weights.length();
            long after = factored.rank() * (inputs + conv.outChannels());
            boolean skipped = params.skipUnprofitable() && after >= before;
            LowRankLayer layer = new LowRankLayer(conv.name(), factored.rank(), factored.fullRank(),
                    factored.energyKept(), before, after, skipped);
            context.report("low-rank " + layer.describe());
            layerDetails.put(conv.name(), layer.toDetails());
            if (!skipped) {
                ranks.put(conv.name(), factored.rank());
                factors.put(conv.name(), factored);
            }
        }
        NetworkSpec decomposed = LowRankSpec.decompose(spec, ranks);
        Network student = context.networks().build(decomposed, context.seed());
        fill(teacher, student, factors);
        LowRankDetails details = new LowRankDetails(params.rankRatio() != null ? "rank-ratio " + params.rankRatio()
                : "energy " + params.energy(), "basis S_r V_r^T = U_r^T W, pointwise U_r (orthonormal columns)",
                layerDetails);
        return new Compression(student, Map.of(), spec.statistics(), decomposed.statistics(), details);
    }

    /** Copies the teacher's weights into the student and writes the factors into the decomposed convs. */
    private static void fill(Network teacher, Network student, Map<String, LowRankFactors> factors) {
        List<String> notCopied = NetworkWeights.copyMatching(teacher, student);
        Set<String> expected = new HashSet<>();
        factors.forEach((conv, factored) -> {
            String basis = LowRankSpec.basisName(conv);
            NetworkWeights.set(student, basis, NetworkWeights.WEIGHT, factored.basis());
            NetworkWeights.set(student, conv, NetworkWeights.WEIGHT, factored.pointwise());
            if (NetworkWeights.has(teacher, conv, NetworkWeights.BIAS)) {
                // The bias is added after the full conv, which the 1x1 conv now ends.
                NetworkWeights.set(student, conv, NetworkWeights.BIAS,
                        NetworkWeights.get(teacher, conv, NetworkWeights.BIAS));
            }
            expected.add(basis);
            expected.add(conv);
        });
        List<String> missed = notCopied.stream().filter(vertex -> !expected.contains(vertex)).toList();
        if (!missed.isEmpty()) {
            throw new IllegalStateException("low-rank: the decomposed network's vertices " + missed + " have no"
                    + " teacher weights of the same shape; the teacher's graph does not match its spec "
                    + teacher.spec().family());
        }
    }
}
