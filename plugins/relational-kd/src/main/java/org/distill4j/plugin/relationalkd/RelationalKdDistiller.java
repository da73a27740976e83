package org.distill4j.plugin.relationalkd;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Objects;
import java.util.Set;

/**
 * Relational knowledge distillation (Park, Kim, Lu and Cho, "Relational Knowledge Distillation", CVPR 2019,
 * arXiv:1904.05068), as lenscloth/RKD {@code metric/loss.py} computes it ({@code RkdDistance}, {@code RKdAngle}):
 *
 * <pre>
 *   x_b        the student's vector of sample b at its tap (a feature map flattened), t_b the teacher's
 *   psi_D(i,j) = |x_i - x_j| / mu,   mu = mean over i != j of |x_i - x_j|         (sqrt of the squared norm clamped at 1e-12)
 *   psi_A(i,j,k) = e_ij . e_ik,      e_ij = (x_j - x_i) / max(|x_j - x_i|, 1e-12)
 *   L_D = mean over pairs of smoothL1(psi_D(s) - psi_D(t)),  L_A = the same over triplets
 *   L   = lambda_D L_D + lambda_A L_A
 * </pre>
 *
 * {@code mode} picks which pairs and triplets the means run over ({@link RelationalKdMode}). This is the relational
 * term only: list it with a task loss ({@code cross-entropy}, {@code hinton-kd}, {@code triplet}). The widths of the
 * two taps may differ: only distances and angles within each network are compared.
 */
public final class RelationalKdDistiller implements Distiller {

    private final RelationalKdParams params;

    @Inject
    public RelationalKdDistiller(RelationalKdParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(params.student());
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of(params.teacher());
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SameDiff sameDiff = graph.sameDiff();
        RelationalKdGeometry student = new RelationalKdGeometry(sameDiff,
                flattened(graph.student(params.student()), graph.studentShape(params.student())));
        RelationalKdGeometry teacher = new RelationalKdGeometry(sameDiff,
                flattened(graph.teacher(params.teacher()), graph.teacherShape(params.teacher())));
        SDVariable total = null;
        if (params.distanceWeight() > 0) {
            SDVariable losses = RelationalKdSmoothL1.of(sameDiff,
                    student.normalisedDistances().sub(teacher.normalisedDistances()));
            SDVariable distance = average(sameDiff, losses, student.distinctPairs());
            graph.reportTerm("distance", distance);
            total = distance.mul(params.distanceWeight());
        }
        if (params.angleWeight() > 0) {
            SDVariable losses = RelationalKdSmoothL1.of(sameDiff,
                    student.angleCosines().sub(teacher.angleCosines()));
            SDVariable angle = average(sameDiff, losses, student.distinctTriplets());
            graph.reportTerm("angle", angle);
            SDVariable weighted = angle.mul(params.angleWeight());
            total = total == null ? weighted : total.add(weighted);
        }
        return total;
    }

    /**
     * The mean of the Huber losses: over every entry (code), or over the distinct tuples the mask marks (paper). The
     * entries the paper leaves out are 0 for both networks, so the two differ by the count alone.
     */
    private SDVariable average(SameDiff sameDiff, SDVariable losses, SDVariable distinct) {
        if (params.mode() == RelationalKdMode.CODE) {
            return losses.mean();
        }
        // Fewer than two (or three) samples have no distinct tuple: the sum is then 0 and the count floored at 1.
        return losses.mul(distinct).sum().mul(sameDiff.scalarMax(distinct.sum(), 1.0).rdiv(1.0));
    }

    /** {@code [B, C, H, W]} or {@code [B, D]} to {@code [B, D]}, as RepDistiller's {@code f_s.view(B, -1)}. */
    private static SDVariable flattened(SDVariable activation, long[] shape) {
        if (shape.length == 2) {
            return activation;
        }
        long width = 1;
        for (int axis = 1; axis < shape.length; axis++) {
            width *= shape[axis];
        }
        return activation.reshape(-1, width);
    }
}
