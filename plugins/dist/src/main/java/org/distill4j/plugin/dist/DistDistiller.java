package org.distill4j.plugin.dist;

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
 * DIST, relational knowledge distillation from a stronger teacher (Huang, You, Wang, Qian, Xu, NeurIPS 2022,
 * arXiv:2205.10536), as the official code trains it ({@code lib/models/losses/dist_kd.py} and {@code kd_loss.py} of
 * hunto/image_classification_sota):
 *
 * <pre>
 *   Y_s = softmax(z_s / tau),  Y_t = softmax(z_t / tau)                            [B, C]
 *   inter = tau^2 (1 - 1/B sum_b rho(Y_s[b, :], Y_t[b, :]))                        each sample's relation among classes
 *   intra = tau^2 (1 - 1/C sum_c rho(Y_s[:, c], Y_t[:, c]))                        each class's relation among samples
 *   L     = ce-weight CE(y, softmax(z_s)) + beta inter + gamma intra
 * </pre>
 *
 * with {@code rho} the Pearson correlation of {@link DistCorrelation}. The cross-entropy is part of this distiller
 * because the official {@code KDLoss} returns {@code ori_loss_weight * CE + kd_loss_weight * DIST}; the intra-class
 * term depends on the whole batch, so the loss is not a mean of per-sample losses.
 */
public final class DistDistiller implements Distiller {

    private final DistParams params;

    @Inject
    public DistDistiller(DistParams params) {
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
        double temperatureSquared = temperature * temperature;

        SDVariable studentProbabilities = probabilities(sameDiff, student, temperature, graph.classes());
        SDVariable teacherProbabilities = probabilities(sameDiff, teacher, temperature, graph.classes());
        SDVariable interCorrelation = DistCorrelation.pearson(sameDiff, studentProbabilities, teacherProbabilities, 1,
                params.epsilon());
        SDVariable intraCorrelation = DistCorrelation.pearson(sameDiff, studentProbabilities, teacherProbabilities, 0,
                params.epsilon());
        SDVariable inter = interCorrelation.mean().rsub(1.0).mul(temperatureSquared);
        SDVariable intra = intraCorrelation.mean().rsub(1.0).mul(temperatureSquared);
        SDVariable crossEntropy = Losses.crossEntropy(sameDiff, student, graph.labels());
        graph.reportTerm("cross-entropy", crossEntropy);
        graph.reportTerm("inter", inter);
        graph.reportTerm("intra", intra);

        return crossEntropy.mul(params.ceWeight()).add(inter.mul(params.beta())).add(intra.mul(params.gamma()));
    }

    /**
     * {@code softmax(z / tau)} as {@code [B, C, 1]}. The trailing axis keeps ND4J from treating a one-sample batch
     * ({@code [1, C]}) as a vector: it skips a reduction along an axis of length 1 of a vector and copies the input,
     * which the kernel's loss runner does not support, and the intra-class term reduces along the batch axis.
     */
    private static SDVariable probabilities(SameDiff sameDiff, SDVariable logits, double temperature, int classes) {
        return sameDiff.math().exp(Losses.logSoftmax(sameDiff, logits.div(temperature))).reshape(-1, classes, 1);
    }
}
