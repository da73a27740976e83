package org.distill4j.plugin.metriclearning;

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
 * The margin triplet loss on normalised embeddings, with the batch-hard or batch-all mining of Hermans, Beyer and
 * Leibe, "In Defense of the Triplet Loss for Person Re-Identification", 2017, arXiv:1703.07737 (the margin form
 * of Schroff, Kalenichenko and Philbin, "FaceNet", CVPR 2015). A task loss: it reads no teacher.
 *
 * <pre>
 *   e        = x / sqrt(max(|x|^2, 1e-12)),   d[a, b] = sqrt(max(|e_a - e_b|^2, 1e-12))
 *   P(a)     = {p != a : y_p = y_a},           N(a) = {n : y_n != y_a}          (from the one-hot labels)
 *   batch-hard: L = 1/|A| sum_{a in A} relu(max_{p in P(a)} d[a, p] - min_{n in N(a)} d[a, n] + m)
 *               A = the anchors with a positive and a negative in the batch
 *   batch-all:  L = 1/|T| sum_{(a, p, n) in T} relu(d[a, p] - d[a, n] + m),   T = {(a, p, n) : p in P(a), n in N(a)}
 * </pre>
 *
 * Both divide by {@code max(count, 1)}, so a batch without a valid anchor gives zero loss rather than NaN. Batch-all
 * counts the triplets that already satisfy the margin, so its value shrinks as training succeeds; implementations
 * that divide by the positive triplets only keep it large.
 */
public final class MetricLearningTripletDistiller implements Distiller {

    /** Farther than two unit vectors can be (2): a sample of the anchor's class is never its nearest negative. */
    private static final double NOT_A_NEGATIVE = 1e4;

    private final MetricLearningTripletParams params;

    @Inject
    public MetricLearningTripletDistiller(MetricLearningTripletParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of(params.embedding());
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of();
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        long[] shape = graph.studentShape(params.embedding());
        if (shape.length != 2) {
            throw new IllegalArgumentException(problem(TensorShape.ofBatchShape(shape)));
        }
        SameDiff sameDiff = graph.sameDiff();
        SDVariable distances = MetricLearningDistances.distances(sameDiff, graph.student(params.embedding()));
        SDVariable positives = MetricLearningDistances.positives(sameDiff, graph.labels());
        SDVariable negatives = MetricLearningDistances.negatives(sameDiff, graph.labels());
        SDVariable loss = params.mining() == MetricLearningTripletMining.BATCH_HARD
                ? batchHard(sameDiff, distances, positives, negatives)
                : batchAll(sameDiff, distances, positives, negatives);
        graph.reportTerm("triplet", loss);
        return loss;
    }

    private SDVariable batchHard(SameDiff sameDiff, SDVariable distances, SDVariable positives,
            SDVariable negatives) {
        // Distances are at least 1e-6, so the zeros of the non-positives never win the maximum.
        SDVariable hardestPositive = distances.mul(positives).max(1);
        SDVariable hardestNegative = distances.add(negatives.rsub(1.0).mul(NOT_A_NEGATIVE)).min(1);
        SDVariable valid = sameDiff.gt(positives.sum(1), 0.0).castTo(distances.dataType())
                .mul(sameDiff.gt(negatives.sum(1), 0.0).castTo(distances.dataType()));
        SDVariable hinge = sameDiff.nn().relu(hardestPositive.sub(hardestNegative).add(params.margin()), 0);
        return hinge.mul(valid).sum().div(sameDiff.scalarMax(valid.sum(), 1.0));
    }

    private SDVariable batchAll(SameDiff sameDiff, SDVariable distances, SDVariable positives,
            SDVariable negatives) {
        // [a, p, n]
        SDVariable gaps = MetricLearningDistances.withUnitAxis(sameDiff, distances, 2)
                .sub(MetricLearningDistances.withUnitAxis(sameDiff, distances, 1)).add(params.margin());
        SDVariable valid = MetricLearningDistances.withUnitAxis(sameDiff, positives, 2)
                .mul(MetricLearningDistances.withUnitAxis(sameDiff, negatives, 1));
        SDVariable hinge = sameDiff.nn().relu(gaps, 0);
        return hinge.mul(valid).sum().div(sameDiff.scalarMax(valid.sum(), 1.0));
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        TensorShape shape = student.get(params.embedding());
        // A tap that is not a vertex is reported by the kernel.
        return shape == null || shape.flat() ? List.of() : List.of(problem(shape));
    }

    private String problem(TensorShape shape) {
        return "the triplet loss compares embedding vectors, but the student's tap '" + params.embedding() + "' is a "
                + shape + " feature map; tap a vector vertex such as the embedding-net family's 'embedding'";
    }
}
