package org.distill4j.plugin.neuronselectivity;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Neuron selectivity transfer (Huang and Wang, "Like What You Like: Knowledge Distill via Neuron Selectivity
 * Transfer", arXiv:1707.01219): each channel of a feature map is a sample of the layer's "selectivity" distribution,
 * its spatial activation pattern; the student's distribution is matched to the teacher's by the squared maximum mean
 * discrepancy with a polynomial kernel:
 *
 * <pre>
 *   f_k = vec(A_k) / sqrt(|vec(A_k)|^2 + 1e-10)           channel k's H W pattern (larger map average-pooled first)
 *   k(x, y) = (x . y + c)^d                                d = 2, c = 0 by default
 *   MMD^2 = mean k(f_t, f_t') + mean k(f_s, f_s') - 2 mean k(f_s, f_t)          per sample, then over the batch
 *   L = beta sum_pairs MMD^2                               (code)
 *   L = beta/2 sum_pairs MMD^2                             (paper)
 * </pre>
 *
 * This is the transfer term only: list it with {@code cross-entropy} (NST) or {@code hinton-kd} (NST+KD). The teacher's
 * own term has no gradient (TuSimple's code leaves it out); it is kept so that the reported MMD is 0 when the patterns
 * agree.
 */
public final class NeuronSelectivityDistiller implements Distiller {

    private final NeuronSelectivityParams params;

    @Inject
    public NeuronSelectivityDistiller(NeuronSelectivityParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        Set<String> taps = new TreeSet<>();
        params.pairs().forEach(pair -> taps.add(pair.student()));
        return taps;
    }

    @Override
    public Set<String> teacherTaps() {
        Set<String> taps = new TreeSet<>();
        params.pairs().forEach(pair -> taps.add(pair.teacher()));
        return taps;
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        NeuronSelectivityKernel kernel = new NeuronSelectivityKernel(params.degree(), params.constant());
        SDVariable total = null;
        for (NeuronSelectivityPair pair : params.pairs()) {
            SDVariable[] patterns = NeuronSelectivityMaps.patterns(graph, pair);
            SDVariable term = kernel.squaredDiscrepancy(graph.sameDiff(), patterns[0], patterns[1]);
            total = total == null ? term : total.add(term);
        }
        graph.reportTerm("mmd", total);
        return total.mul(params.factor());
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return NeuronSelectivityMaps.pairProblems(params.pairs(), student, teacher);
    }
}
