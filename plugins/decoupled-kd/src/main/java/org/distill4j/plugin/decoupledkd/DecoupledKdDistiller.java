package org.distill4j.plugin.decoupledkd;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.NetworkSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Objects;
import java.util.Set;

/**
 * Decoupled knowledge distillation (Zhao, Cui, Song, Qiu, Liang, CVPR 2022, arXiv:2203.08679), as the official
 * mdistiller code trains it ({@code mdistiller/distillers/DKD.py}):
 *
 * <pre>
 *   TCKD = T^2 / B sum_b KL([p_t, 1 - p_t] || [q_t, 1 - q_t])                  target vs. the rest, at temperature T
 *   NCKD = T^2 / B sum_b KL(softmax(z_t/T - 1000 g) || softmax(z_s/T - 1000 g))  among the non-target classes
 *   L    = ce-weight CE(y, softmax(z_s)) + min(epoch / warmup, 1) (alpha TCKD + beta NCKD)
 * </pre>
 *
 * The paper shows that KD equals {@code TCKD + (1 - p_t) NCKD}: the teacher's confidence in the target suppresses
 * NCKD exactly where it carries most knowledge, so DKD weighs the two parts independently. The cross-entropy is part
 * of this distiller because mdistiller's DKD returns it with the distillation terms.
 */
public final class DecoupledKdDistiller implements Distiller {

    private final DecoupledKdParams params;

    @Inject
    public DecoupledKdDistiller(DecoupledKdParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(NetworkSpec.LOGITS);
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of(NetworkSpec.LOGITS);
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        SDVariable student = graph.student(NetworkSpec.LOGITS);
        SDVariable teacher = graph.teacher(NetworkSpec.LOGITS);
        SDVariable targetMask = graph.labels();
        double temperature = params.temperature();
        double temperatureSquared = temperature * temperature;

        SDVariable studentScaled = student.div(temperature);
        SDVariable teacherScaled = teacher.div(temperature);
        SDVariable crossEntropy = Losses.crossEntropy(sameDiff, student, targetMask);
        SDVariable targetClass = DecoupledKdTerms.targetClass(sameDiff, studentScaled, teacherScaled, targetMask)
                .mul(temperatureSquared);
        SDVariable nonTargetClass = DecoupledKdTerms.nonTargetClass(sameDiff, studentScaled, teacherScaled,
                targetMask).mul(temperatureSquared);
        SDVariable warmup = DecoupledKdWarmup.weight(sameDiff, graph.epoch(), params.warmup());
        graph.reportTerm("cross-entropy", crossEntropy);
        graph.reportTerm("tckd", targetClass);
        graph.reportTerm("nckd", nonTargetClass);
        graph.reportTerm("warmup", warmup);

        SDVariable distillation = targetClass.mul(params.alpha()).add(nonTargetClass.mul(params.beta()));
        return crossEntropy.mul(params.ceWeight()).add(warmup.mul(distillation));
    }
}
