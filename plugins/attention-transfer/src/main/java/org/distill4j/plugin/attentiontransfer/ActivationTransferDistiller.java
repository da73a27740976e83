package org.distill4j.plugin.attentiontransfer;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * F-ActT, the "full activation transfer" comparison row of Zagoruyko and Komodakis (2017, Table 1): the attention
 * loss with the whole activation in place of its attention map,
 *
 * <pre>
 *   a = vec(A) / |vec(A)|_2           per sample, A of C x H x W
 *   L = beta sum_pairs mean_{b,chw} (a_s - a_t)^2                          (code)
 *   L = beta/2 sum_pairs 1/(B CHW) sum_b |a_s - a_t|_2                     (paper)
 * </pre>
 *
 * so a pair needs equal channel counts. The paper gives no code for it; normalising like the attention maps keeps
 * beta on a comparable scale (each element of a is about 1/sqrt(C) of an attention element).
 */
public final class ActivationTransferDistiller implements Distiller {

    private final ActivationTransferParams params;

    @Inject
    public ActivationTransferDistiller(ActivationTransferParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return AttentionTransferPairs.students(params.pairs());
    }

    @Override
    public Set<String> teacherTaps() {
        return AttentionTransferPairs.teachers(params.pairs());
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        SDVariable total = AttentionMaps.sumOverPairs(graph, params.pairs(), params.mode(), true, maps -> {
            long elements = maps.studentChannels() * maps.positions();
            SDVariable student = maps.student().reshape(-1, elements);
            SDVariable teacher = maps.teacher().reshape(-1, elements);
            return new AttentionMaps.Vectors(AttentionMaps.normalizeRows(sameDiff, student),
                    AttentionMaps.normalizeRows(sameDiff, teacher), elements);
        });
        graph.reportTerm("activation", total);
        return total.mul(params.beta());
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return AttentionMaps.pairProblems(params.pairs(), student, teacher, true);
    }
}
