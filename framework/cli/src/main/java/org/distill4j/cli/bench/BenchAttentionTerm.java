package org.distill4j.cli.bench;

import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Set;

/**
 * The attention-transfer term of the benchmark's KD step: beta * sum over both ReLU maps of
 * mean_{b,hw} (at(s) - at(t))^2 with at(x) = normalize(mean_c x^2) per sample (the official AT code's form).
 * It exists so the benchmark measures the workload issue 2 fixes; the attention-transfer plugin is the method.
 */
final class BenchAttentionTerm implements Distiller {

    private final double beta;

    BenchAttentionTerm(double beta) {
        this.beta = beta;
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(BenchNetworks.FIRST_RELU, BenchNetworks.SECOND_RELU);
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of(BenchNetworks.FIRST_RELU, BenchNetworks.SECOND_RELU);
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        SDVariable total = null;
        for (String tap : studentTaps()) {
            SDVariable difference = attention(sameDiff, graph.student(tap), graph.studentShape(tap))
                    .sub(attention(sameDiff, graph.teacher(tap), graph.teacherShape(tap)));
            SDVariable term = difference.mul(difference).mean();
            total = total == null ? term : total.add(term);
        }
        return total.mul(beta);
    }

    private static SDVariable attention(SameDiff sameDiff, SDVariable map, long[] shape) {
        SDVariable energy = map.mul(map).mean(1).reshape(-1, shape[2] * shape[3]);
        SDVariable norm = sameDiff.math().sqrt(energy.mul(energy).sum(true, 1).add(1e-12));
        return energy.div(norm);
    }
}
