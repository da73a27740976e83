package org.distill4j.kernel.retrieval;

import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dataset split for a class-disjoint retrieval task.
 *
 * @param training the training classes only: their training and validation images, labels renumbered to
 *                 {@code 0..k-1} in the order of {@link Retrieval#trainClasses()}, and an empty test split (test
 *                 accuracy has no meaning on classes the classifier does not have)
 * @param gallery  the test images of the retrieval classes, labels renumbered in label order; every image is a query
 *                 against the rest
 * @param retrievedClasses the dataset labels of the gallery's classes, in label order
 */
public record RetrievalData(Dataset training, DataSplit gallery, List<Integer> retrievedClasses) {

    public RetrievalData {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(gallery, "gallery");
        retrievedClasses = List.copyOf(retrievedClasses);
    }

    /** Splits a loaded dataset by class as {@code retrieval} says. */
    public static RetrievalData of(Dataset data, Retrieval retrieval) {
        String problem = retrieval.problem(data.classes());
        if (problem != null) {
            throw new IllegalArgumentException("retrieval: " + problem);
        }
        List<Integer> trained = retrieval.trainClasses();
        List<Integer> retrieved = retrieval.retrievalClasses(data.classes());
        List<String> names = new ArrayList<>();
        trained.forEach(label -> names.add(data.classNames().get(label)));
        DataSplit emptyTest = select(data.test(), List.of());
        Dataset training = new Dataset(data.name() + ", classes " + trained, data.shape(), names,
                select(data.train(), trained), select(data.validation(), trained), emptyTest, data.files());
        return new RetrievalData(training, select(data.test(), retrieved), retrieved);
    }

    /** The images of the given classes, relabelled by their position in {@code classes}. */
    static DataSplit select(DataSplit split, List<Integer> classes) {
        int[] position = new int[maximum(split.labels(), classes) + 1];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < classes.size(); i++) {
            position[classes.get(i)] = i;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            if (position[split.labels()[i]] >= 0) {
                kept.add(i);
            }
        }
        DataSplit selected = split.select(kept.stream().mapToInt(Integer::intValue).toArray());
        int[] labels = new int[selected.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = position[selected.labels()[i]];
        }
        return new DataSplit(selected.features(), labels);
    }

    private static int maximum(int[] labels, List<Integer> classes) {
        int maximum = 0;
        for (int label : labels) {
            maximum = Math.max(maximum, label);
        }
        for (int label : classes) {
            maximum = Math.max(maximum, label);
        }
        return maximum;
    }
}
