package org.distill4j.plugin.factortransfer;

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
 * The factor-transfer loss of Kim, Park and Kwak (NeurIPS 2018): the student's feature map {@code S} goes through a
 * translator {@code Tr} (trained with the student), the teacher's {@code T} through the paraphraser's encoder
 * {@code E} (trained by {@code ft-paraphraser} in an earlier stage, read here fixed), and
 *
 * <pre>
 *   L = beta * mean_{b, i} |phi(Tr(S))_{b,i} - phi(E(T))_{b,i}|^p2,     phi(F)_b = v_b / ||v_b||_2
 *   authors:      v_b = vec(F_b)                      (all k C x H x W values; utils.py FT, lines 107-108)
 *   repdistiller: v_b = vec(mean_c |F_{b,c}|^p1)      (an H x W map; distiller_zoo/FT.py lines 30-31)
 * </pre>
 *
 * In repdistiller mode the larger of the two factors is first average-pooled to the smaller's size (FT.py lines
 * 18-23; here for sizes that are whole multiples, where adaptive pooling is this pooling). The norm is
 * {@code sqrt(sum v^2 + 1e-24)}, within rounding of PyTorch's {@code max(||v||, 1e-12)} for any non-zero factor.
 * The unweighted distance is reported as {@code distance}.
 */
public final class FtDistiller implements Distiller {

    private static final double NORM_EPSILON = 1e-24;

    private final FtParams params;

    @Inject
    public FtDistiller(FtParams params) {
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
        TensorShape studentShape = TensorShape.ofBatchShape(graph.studentShape(params.student()));
        TensorShape teacherShape = TensorShape.ofBatchShape(graph.teacherShape(params.teacher()));
        // Model-file teachers skip shapeProblems, so the same rules are enforced here.
        FactorTransferShapes.pairProblem(params, studentShape, teacherShape).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        int factorChannels = params.mode().factorChannels(teacherShape.channels(), params.rate());
        SDVariable studentFactor = FactorTransferLayers.translate(graph, graph.student(params.student()),
                studentShape.channels(), factorChannels, params.slope(), params.mode());
        SDVariable teacherFactor = FactorTransferLayers.fixedEncoder(graph, graph.teacher(params.teacher()),
                teacherShape.channels(), factorChannels, params.slope());
        SameDiff sameDiff = graph.sameDiff();
        int height = Math.min(studentShape.height(), teacherShape.height());
        int width = Math.min(studentShape.width(), teacherShape.width());
        long length = (long) factorChannels * height * width;
        if (params.mode() == FactorTransferMode.REPDISTILLER) {
            studentFactor = pool(studentFactor, factorChannels, studentShape.height(), studentShape.width(),
                    FactorTransferShapes.poolingFactor(studentShape, teacherShape));
            teacherFactor = pool(teacherFactor, factorChannels, teacherShape.height(), teacherShape.width(),
                    FactorTransferShapes.poolingFactor(teacherShape, studentShape));
            studentFactor = channelMean(sameDiff, studentFactor);
            teacherFactor = channelMean(sameDiff, teacherFactor);
            length = (long) height * width;
        }
        SDVariable difference = normalise(studentFactor.reshape(-1, length))
                .sub(normalise(teacherFactor.reshape(-1, length)));
        SDVariable absolute = sameDiff.math().abs(difference);
        SDVariable distance = (params.p2() == 1 ? absolute : params.p2() == 2 ? difference.mul(difference)
                : absolute.pow(params.p2())).mean();
        graph.reportTerm("distance", distance);
        return distance.mul(params.beta());
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        TensorShape studentShape = student.get(params.student());
        TensorShape teacherShape = teacher.get(params.teacher());
        if (studentShape == null || teacherShape == null) {
            return List.of();
        }
        return FactorTransferShapes.pairProblem(params, studentShape, teacherShape).stream().toList();
    }

    /** {@code mean_c |F|^p1}, {@code [B, H, W]}. */
    private SDVariable channelMean(SameDiff sameDiff, SDVariable factor) {
        SDVariable powered = params.p1() == 2 ? factor.mul(factor) : params.p1() == 1 ? sameDiff.math().abs(factor)
                : sameDiff.math().abs(factor).pow(params.p1());
        return powered.mean(1);
    }

    /** Each row divided by its L2 norm (multiplying by the reciprocal: M2.1 mis-differentiates a broadcast division). */
    private static SDVariable normalise(SDVariable rows) {
        SDVariable norm = rows.mul(rows).sum(true, 1).add(NORM_EPSILON).pow(0.5);
        return rows.mul(norm.rdiv(1.0));
    }

    /**
     * Average pooling of {@code [B, K, H, W]} with a {@code window x window} window and stride: a reshape to
     * {@code [B, K, H/w, w, W/w, w]} and the mean over the two window axes.
     */
    private static SDVariable pool(SDVariable map, int channels, int height, int width, int window) {
        if (window == 0) {
            return map;
        }
        return map.reshape(-1, channels, height / window, window, width / window, window).mean(3, 5);
    }
}
