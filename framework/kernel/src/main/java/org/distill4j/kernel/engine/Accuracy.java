package org.distill4j.kernel.engine;

import org.distill4j.api.data.DataSplit;
import org.distill4j.api.network.NetworkSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** Top-1 accuracy of a network on a split, in inference mode. */
public final class Accuracy {

    private static final int CHUNK = 500;

    /** The fraction of images whose highest logit is their label; NaN for an empty split. */
    public static double of(TrainableGraph network, DataSplit split) {
        if (split.size() == 0) {
            return Double.NaN;
        }
        Batches batches = new Batches(split);
        long correct = 0;
        for (int start = 0; start < split.size(); start += CHUNK) {
            int[] indices = range(start, Math.min(split.size(), start + CHUNK));
            INDArray features = batches.features(indices);
            INDArray logits = network.infer(features, List.of(NetworkSpec.LOGITS)).get(NetworkSpec.LOGITS);
            correct += countCorrect(logits, batches.labels(indices));
            TrainableGraph.release(List.of(features, logits));
        }
        return (double) correct / split.size();
    }

    /** How many rows of the logits have their maximum at the label. */
    public static long countCorrect(INDArray logits, int[] labels) {
        long[] predicted = logits.argMax(1).toLongVector();
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    static int[] range(int from, int to) {
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return indices;
    }

    private Accuracy() {
    }
}
