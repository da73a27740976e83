package org.distill4j.testkit;

import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.NetworkSpec;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Set;

/** Softmax cross-entropy, so testkit runs train teachers without depending on any plugin. */
public final class TaskCrossEntropy implements Distiller {

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
        return Losses.crossEntropy(graph.sameDiff(), graph.student(NetworkSpec.LOGITS), graph.labels());
    }
}
