package org.distill4j.plugin.hintonkd;

import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.NetworkSpec;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Set;

/**
 * Softmax cross-entropy with the hard labels, {@code L = -1/B sum_b log softmax(z_s)[b, y_b]}: the baseline a
 * student is trained with when it has no teacher, and the task term other distillers are combined with.
 */
public final class HintonKdCrossEntropyDistiller implements Distiller {

    @Override
    public Set<String> studentTaps() {
        return Set.of(NetworkSpec.LOGITS);
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of();
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        SDVariable loss = Losses.crossEntropy(graph.sameDiff(), graph.student(NetworkSpec.LOGITS), graph.labels());
        graph.reportTerm("cross-entropy", loss);
        return loss;
    }
}
