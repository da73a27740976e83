package org.distill4j.plugin.vid;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Variational information distillation (Ahn et al., CVPR 2019) as RepDistiller's {@code VIDLoss} computes it: for
 * every pair, the teacher map {@code t} is modelled as a Gaussian with mean {@code mu(s)} (a learned regressor of the
 * student map, {@link VidRegressor}) and a learned variance {@code sigma_c^2} per teacher channel
 * ({@link VidVariance}), and the student minimises its negative log-likelihood without the constant:
 *
 * <pre>
 *   L = beta * sum_pairs mean_{b,c,h,w} 1/2 (log sigma_c^2 + (t_bchw - mu_c(s)_bhw)^2 / sigma_c^2)
 * </pre>
 *
 * When the spatial sizes differ the larger map is average-pooled to the smaller first ({@code VID.py} lines 39-46).
 * The regressor and the log-scales are parameters of the loss, trained with the student.
 */
public final class VidDistiller implements Distiller {

    private final VidParams params;

    @Inject
    public VidDistiller(VidParams params) {
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
        List<VidPair> pairs = params.pairs();
        for (int index = 0; index < pairs.size(); index++) {
            SDVariable term = pairTerm(graph, pairs.get(index), index + 1);
            if (pairs.size() > 1) {
                graph.reportTerm("pair" + (index + 1), term);
            }
            total = total == null ? term : total.add(term);
        }
        return total.mul(params.beta());
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        return VidShapes.problems(params.pairs(), student, teacher);
    }

    /** The mean negative log-likelihood (without 1/2 log 2 pi) of one pair's teacher map. */
    private SDVariable pairTerm(LossGraph graph, VidPair pair, int number) {
        TensorShape student = TensorShape.ofBatchShape(graph.studentShape(pair.student()));
        TensorShape teacher = TensorShape.ofBatchShape(graph.teacherShape(pair.teacher()));
        // Model-file teachers skip shapeProblems, so the same rules are enforced here.
        VidShapes.problem(pair, student, teacher).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        int height = Math.min(student.height(), teacher.height());
        int width = Math.min(student.width(), teacher.width());
        SameDiff sameDiff = graph.sameDiff();
        SDVariable studentRows = rows(Losses.averagePool(graph.student(pair.student()), student, height, width),
                student.channels());
        SDVariable teacherRows = rows(Losses.averagePool(graph.teacher(pair.teacher()), teacher, height, width),
                teacher.channels());
        SDVariable mean = VidRegressor.apply(graph, number, studentRows, student.channels(),
                params.hiddenChannels(teacher.channels()), teacher.channels());
        SDVariable variance = VidVariance.of(graph, number, teacher.channels(), params);
        SDVariable difference = teacherRows.sub(mean);
        // Multiplying by 1/sigma^2 rather than dividing: SameDiff M2.1's broadcast division has wrong gradients.
        SDVariable scaled = difference.mul(difference).mul(variance.rdiv(1.0));
        return scaled.add(sameDiff.math().log(variance)).mul(0.5).mean();
    }

    /** {@code [B, C, H, W]} to {@code [B H W, C]}: one row of channels per position. */
    private static SDVariable rows(SDVariable map, long channels) {
        return map.permute(0, 2, 3, 1).reshape(-1, channels);
    }
}
