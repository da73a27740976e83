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
 * Activation-based attention transfer (Zagoruyko and Komodakis, "Paying More Attention to Attention", ICLR 2017):
 *
 * <pre>
 *   Q   = vec(F(A))                   F_sum, F_sum^p or F_max^p over channels: C x H x W to H x W
 *   at  = Q / |Q|_2                   per sample
 *   L   = beta sum_pairs mean_{b,hw} (at_s - at_t)^2                       (code)
 *   L   = beta/2 sum_pairs 1/(B HW) sum_b |at_s - at_t|_2                  (paper)
 * </pre>
 *
 * This is the attention term only: list it with {@code cross-entropy} (AT) or {@code hinton-kd} (AT+KD) in the
 * descriptor. When the two maps of a pair differ in spatial size, the larger is average-pooled to the smaller first.
 */
public final class AttentionTransferDistiller implements Distiller {

    private final AttentionTransferParams params;

    @Inject
    public AttentionTransferDistiller(AttentionTransferParams params) {
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
        SDVariable total = AttentionMaps.sumOverPairs(graph, params.pairs(), params.mode(), false, maps ->
                new AttentionMaps.Vectors(attention(sameDiff, maps.student(), maps.positions()),
                        attention(sameDiff, maps.teacher(), maps.positions()), maps.positions()));
        graph.reportTerm("attention", total);
        return total.mul(params.beta());
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return AttentionMaps.pairProblems(params.pairs(), student, teacher, false);
    }

    /** {@code [B, C, H, W]} to the normalised attention vectors {@code [B, H W]}. */
    private SDVariable attention(SameDiff sameDiff, SDVariable map, long positions) {
        SDVariable magnitude = sameDiff.math().abs(map);
        SDVariable powered = params.mapping() == AttentionMapping.SUM ? magnitude
                : params.p() == 2 ? map.mul(map) : sameDiff.math().pow(magnitude, params.p());
        SDVariable spatial = params.mapping() == AttentionMapping.MAX_P ? powered.max(1) : powered.sum(1);
        return AttentionMaps.normalizeRows(sameDiff, spatial.reshape(-1, positions));
    }
}
