package org.distill4j.kernel.retrieval;

import org.distill4j.api.data.DataSplit;
import org.distill4j.kernel.engine.Batches;
import org.distill4j.kernel.engine.TrainableGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/** Embeds a split with a network in inference mode and measures how well the embeddings retrieve each other. */
public final class RetrievalEvaluation {

    private static final int CHUNK = 500;

    private RetrievalEvaluation() {
    }

    public static RetrievalMetrics.Result of(TrainableGraph network, DataSplit split, Retrieval retrieval) {
        return RetrievalMetrics.of(embed(network, split, retrieval.embedding()), split.labels(), retrieval.recallAt());
    }

    /** The embedding of every image of the split, {@code [n, d]}, in split order. */
    public static INDArray embed(TrainableGraph network, DataSplit split, String vertex) {
        Batches batches = new Batches(split);
        List<INDArray> chunks = new ArrayList<>();
        for (int start = 0; start < split.size(); start += CHUNK) {
            int[] indices = new int[Math.min(split.size(), start + CHUNK) - start];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            INDArray embedding = network.infer(batches.features(indices), List.of(vertex)).get(vertex);
            if (embedding.rank() != 2) {
                throw new IllegalArgumentException("the embedding vertex '" + vertex + "' gives "
                        + java.util.Arrays.toString(embedding.shape()) + " activations; an embedding is a vector per"
                        + " image (a dense layer or an l2-normalize vertex)");
            }
            chunks.add(embedding.dup());
        }
        return Nd4j.concat(0, chunks.toArray(INDArray[]::new));
    }
}
