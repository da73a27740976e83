package org.distill4j.plugin.decomposition;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a network spec so that each decomposed conv {@code c} becomes {@code c.basis} (k x k, r filters, no bias,
 * the original stride and padding) followed by a 1x1 conv that keeps the name {@code c}. Keeping the name leaves
 * everything downstream unchanged: the batch norm and ReLU that read {@code c}, distillers' and aligners' taps, and
 * the teacher vertex of the same name that FSKD aligns {@code c} to.
 */
final class LowRankSpec {

    /** Appended to a decomposed conv's name to name its k x k basis conv. */
    static final String BASIS_SUFFIX = ".basis";

    private LowRankSpec() {
    }

    static String basisName(String conv) {
        return conv + BASIS_SUFFIX;
    }

    /**
     * The spec with each conv named in {@code ranks} decomposed at that rank.
     *
     * @throws IllegalArgumentException when a basis name is already taken by another vertex
     */
    static NetworkSpec decompose(NetworkSpec spec, Map<String, Integer> ranks) {
        List<NodeSpec> nodes = new ArrayList<>(spec.nodes().size() + ranks.size());
        for (NodeSpec node : spec.nodes()) {
            Integer rank = ranks.get(node.name());
            if (rank == null) {
                nodes.add(node);
                continue;
            }
            NodeSpec.Conv2d conv = (NodeSpec.Conv2d) node;
            String basis = basisName(conv.name());
            if (spec.node(basis).isPresent()) {
                throw new IllegalArgumentException("low-rank: cannot decompose " + conv.name() + " because the"
                        + " network already has a vertex " + basis + ", the name its basis conv would take;"
                        + " leave " + conv.name() + " out of layers");
            }
            nodes.add(new NodeSpec.Conv2d(basis, conv.input(), rank, conv.kernel(), conv.stride(), conv.padding(),
                    false));
            nodes.add(new NodeSpec.Conv2d(conv.name(), basis, conv.outChannels(), 1, 1, 0, conv.bias()));
        }
        return new NetworkSpec(spec.family(), spec.input(), nodes, spec.output(), spec.initialisation());
    }
}
