package org.distill4j.plugin.activationboundaries;

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
import java.util.TreeSet;

/**
 * The activation-boundary loss of Heo, Lee, Yun and Choi (AAAI 2019), as their code computes it
 * ({@code criterion_alternative_L2} of bhheo/AB_distillation, the same in RepDistiller's {@code ABLoss}): with the
 * student's pre-activations {@code s} mapped by a connector ({@link ActivationBoundariesConnector}) to the teacher's
 * channels and the teacher's pre-activations {@code t}, per element
 *
 * <pre>
 *   l(s, t) = (s - m)^2   if t &gt; 0 and s &lt;= m          = relu(m - s)^2
 *           = (s + m)^2   if t &lt;= 0 and s &gt; -m         = relu(s + m)^2
 *           = 0           otherwise
 *   L = beta * 3/1000 * sum_i w_i * (1/B) * sum_{b, c, y, x} l
 * </pre>
 *
 * The relu form is the same function (both sides are 0 at {@code s = +-m}) and its derivative {@code 2 relu(.)} is
 * continuous, 0 at the kinks, as the reference's {@code 2 (s - m) * 1[s <= m]} is. A pair whose student and teacher
 * have the same channel count has no connector, as in both references. Each pair's squared-hinge sum per sample
 * (before weights) is reported as {@code pair1}, ..., and the share of elements on the teacher's side of zero (the
 * authors' "activation similarity") as {@code pair1.agreement}, ....
 */
public final class ActivationBoundariesDistiller implements Distiller {

    /** Both references scale the loss by {@code / 1000 * 3} (AB_distillation line 115, RepDistiller AB.py line 23). */
    static final double SCALE = 3.0 / 1000.0;

    private final ActivationBoundariesParams params;

    @Inject
    public ActivationBoundariesDistiller(ActivationBoundariesParams params) {
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
        SDVariable total = null;
        for (int i = 0; i < params.pairs().size(); i++) {
            SDVariable term = pairTerm(graph, params.pairs().get(i), i + 1);
            graph.reportTerm("pair" + (i + 1), term);
            SDVariable weighted = term.mul(params.weights().get(i));
            total = total == null ? weighted : total.add(weighted);
        }
        return total.mul(params.beta() * SCALE);
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return ActivationBoundariesShapes.pairProblems(params.pairs(), student, teacher);
    }

    /** One pair's sum of squared hinges per sample, averaged over the batch, before its weight. */
    private SDVariable pairTerm(LossGraph graph, ActivationBoundariesPair pair, int index) {
        TensorShape studentShape = TensorShape.ofBatchShape(graph.studentShape(pair.student()));
        TensorShape teacherShape = TensorShape.ofBatchShape(graph.teacherShape(pair.teacher()));
        // Model-file teachers skip shapeProblems, so the same rules are enforced here.
        ActivationBoundariesShapes.pairProblem(pair, studentShape, teacherShape).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        SameDiff sameDiff = graph.sameDiff();
        SDVariable student = graph.student(pair.student());
        SDVariable connected = studentShape.channels() == teacherShape.channels() ? student
                : ActivationBoundariesConnector.apply(graph, "connector" + index, student, studentShape.channels(),
                        teacherShape.channels(), params.mode());
        SDVariable teacher = graph.teacher(pair.teacher());
        // The teacher's side of zero; t = 0 counts as off (the reference's target <= 0).
        SDVariable on = teacher.gt(0.0).castTo(connected.dataType());
        SDVariable off = on.rsub(1.0);
        double margin = params.margin();
        SDVariable below = sameDiff.nn().relu(connected.rsub(margin), 0.0);
        SDVariable above = sameDiff.nn().relu(connected.add(margin), 0.0);
        SDVariable hinges = on.mul(below.mul(below)).add(off.mul(above.mul(above)));
        SDVariable studentOn = connected.gt(0.0).castTo(connected.dataType());
        SDVariable disagreement = studentOn.sub(on);
        graph.reportTerm("pair" + index + ".agreement", disagreement.mul(disagreement).mean().rsub(1.0));
        return hinges.sum(1, 2, 3).mean();
    }
}
