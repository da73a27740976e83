package org.distill4j.kernel.retrieval;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code retrieval} section of a descriptor: a class-disjoint metric-learning task. The networks train on the
 * images of {@code trainClasses} only (training and validation splits, labels renumbered in the order given), and are
 * evaluated by retrieval among the test images of every other class, which no network ever saw: each test image is a
 * query against all the others, ranked by the distance of their L2-normalised embeddings.
 *
 * @param trainClasses the classes the networks train on, as labels of the dataset; the rest are retrieved
 * @param embedding    the vertex whose output is the embedding (normalised again before distances are taken)
 * @param recallAt     the K of the Recall@K columns
 */
public record Retrieval(
        @Parameter(description = "the dataset labels the networks train on (e.g. [0, 1, 2, 3, 4]); the test images"
                + " of every other class are the retrieval set") List<Integer> trainClasses,
        @Parameter(description = "the vertex whose output is the embedding", defaultValue = "embedding")
        String embedding,
        @Parameter(description = "the K of Recall@K: a query counts as found when one of its K nearest test images"
                + " has its class", defaultValue = "[1, 2, 4, 8]") @Range(min = 1) List<Integer> recallAt) {

    public Retrieval {
        trainClasses = List.copyOf(Objects.requireNonNull(trainClasses, "trainClasses"));
        Objects.requireNonNull(embedding, "embedding");
        recallAt = List.copyOf(Objects.requireNonNull(recallAt, "recallAt"));
        if (trainClasses.size() < 2) {
            throw new IllegalArgumentException("train-classes needs at least two classes to learn an embedding from,"
                    + " got " + trainClasses);
        }
        Set<Integer> seen = new HashSet<>();
        for (int label : trainClasses) {
            if (label < 0) {
                throw new IllegalArgumentException("train-classes holds dataset labels, which are >= 0; got " + label);
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("train-classes names class " + label + " twice: " + trainClasses);
            }
        }
        if (recallAt.isEmpty()) {
            throw new IllegalArgumentException("recall-at needs at least one K, e.g. [1, 2, 4, 8]");
        }
        if (embedding.isBlank()) {
            throw new IllegalArgumentException("embedding names a vertex of the networks, e.g. 'embedding'");
        }
    }

    /**
     * The problem with these classes for a dataset of {@code classes} classes, or null: every label must exist, and at
     * least one class must be left to retrieve.
     */
    public String problem(int classes) {
        for (int label : trainClasses) {
            if (label >= classes) {
                return "train-classes names class " + label + ", but the dataset has classes 0 to " + (classes - 1);
            }
        }
        if (trainClasses.size() >= classes) {
            return "train-classes takes all " + classes + " classes of the dataset, which leaves none to retrieve;"
                    + " keep some out (e.g. the first half for training, the rest for retrieval)";
        }
        return null;
    }

    /** The classes retrieved: every class of the dataset that is not trained on, in label order. */
    public List<Integer> retrievalClasses(int classes) {
        return java.util.stream.IntStream.range(0, classes).filter(label -> !trainClasses.contains(label)).boxed()
                .toList();
    }
}
