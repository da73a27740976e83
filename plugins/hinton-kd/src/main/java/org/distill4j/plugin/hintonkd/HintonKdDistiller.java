package org.distill4j.plugin.hintonkd;

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
 * Knowledge distillation with soft targets (Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural
 * Network", 2015, arXiv:1503.02531):
 *
 * <pre>
 *   p_t    = softmax(z_t / T)                      (teacher, inference mode)
 *   L_soft = 1/B sum_b sum_i p_t[b,i] (log p_t[b,i] - log_softmax(z_s / T)[b,i])       KL(p_t || q_s)
 *   L      = (1 - alpha) CE(y, softmax(z_s)) + alpha T^2 L_soft
 * </pre>
 *
 * The T^2 factor keeps the soft-target gradient, which scales as 1/T^2, comparable across temperatures; it can be
 * switched off for the ablation. Log-probabilities come from {@link Losses#logSoftmax}, the log-sum-exp form.
 */
public final class HintonKdDistiller implements Distiller {

    private final HintonKdParams params;

    @Inject
    public HintonKdDistiller(HintonKdParams params) {
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
        double temperature = params.temperature();

        SDVariable hard = Losses.crossEntropy(sameDiff, student, graph.labels());
        SDVariable studentLogSoft = Losses.logSoftmax(sameDiff, student.div(temperature));
        SDVariable teacherLogSoft = Losses.logSoftmax(sameDiff, teacher.div(temperature));
        SDVariable teacherSoft = sameDiff.math().exp(teacherLogSoft);
        SDVariable perSample = teacherSoft.mul(teacherLogSoft.sub(studentLogSoft)).sum(1);
        SDVariable soft = perSample.mean();
        graph.reportTerm("cross-entropy", hard);
        graph.reportTerm("soft", soft);

        double softWeight = params.alpha() * (params.temperatureSquared() ? temperature * temperature : 1.0);
        return hard.mul(1 - params.alpha()).add(soft.mul(softWeight));
    }
}
