package org.distill4j.kernel.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Which images make up each batch of an epoch. */
sealed interface BatchOrder {

    /** The batches of one epoch, as positions in the training split; draws only from {@code random}. */
    List<int[]> epoch(Random random);

    /** How many batches {@link #epoch} returns. */
    int batchesPerEpoch();

    static BatchOrder of(int[] labels, int classes, int batchSize, ClassBalancedSampler sampler) {
        return sampler == null ? new Shuffled(labels.length, batchSize)
                : new ClassBalanced(labels, classes, batchSize, sampler);
    }

    /** A fresh permutation of the split each epoch, cut into consecutive batches (the last may be short). */
    record Shuffled(int size, int batchSize) implements BatchOrder {

        @Override
        public List<int[]> epoch(Random random) {
            int[] order = Permutation.of(size, random);
            List<int[]> batches = new ArrayList<>();
            // In long arithmetic: a batch size near Integer.MAX_VALUE (one batch of the whole split) must not wrap.
            for (long from = 0; from < size; from += batchSize) {
                batches.add(Arrays.copyOfRange(order, (int) from, (int) Math.min(size, from + batchSize)));
            }
            return batches;
        }

        @Override
        public int batchesPerEpoch() {
            return batchCount(size, batchSize);
        }
    }

    /**
     * P x K batches plus random fill, as many per epoch as plain batches (the split size over the batch size, rounded
     * up), every batch full. Each class, and the fill, draws from its own shuffled queue of images that is reshuffled
     * when used up, so every image is used about equally often; a class with fewer than K images repeats some.
     */
    final class ClassBalanced implements BatchOrder {
        private final int batchSize;
        private final ClassBalancedSampler sampler;
        private final int batches;
        private final int[][] byClass;
        private final int[] present;

        ClassBalanced(int[] labels, int classes, int batchSize, ClassBalancedSampler sampler) {
            sampler.requireFits(batchSize);
            this.batchSize = batchSize;
            this.sampler = sampler;
            this.batches = batchCount(labels.length, batchSize);
            int[] counts = new int[classes];
            for (int label : labels) {
                counts[label]++;
            }
            this.byClass = new int[classes][];
            for (int c = 0; c < classes; c++) {
                byClass[c] = new int[counts[c]];
            }
            int[] filled = new int[classes];
            for (int i = 0; i < labels.length; i++) {
                byClass[labels[i]][filled[labels[i]]++] = i;
            }
            this.present = java.util.stream.IntStream.range(0, classes).filter(c -> counts[c] > 0).toArray();
            if (present.length < sampler.classesPerBatch()) {
                throw new IllegalArgumentException("the sampler draws " + sampler.classesPerBatch() + " classes per"
                        + " batch, but the training split holds images of only " + present.length + " classes;"
                        + " use classes-per-batch <= " + present.length);
            }
        }

        @Override
        public List<int[]> epoch(Random random) {
            Queue[] queues = new Queue[byClass.length];
            for (int c : present) {
                queues[c] = new Queue(byClass[c], random);
            }
            int size = Arrays.stream(byClass).mapToInt(images -> images.length).sum();
            int[] everything = java.util.stream.IntStream.range(0, size).toArray();
            Queue fill = new Queue(everything, random);
            List<int[]> epoch = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                Set<Integer> batch = new LinkedHashSet<>();
                List<Integer> paired = new ArrayList<>();
                for (int c : drawClasses(random)) {
                    for (int k = 0; k < sampler.imagesPerClass(); k++) {
                        int image = queues[c].next();
                        batch.add(image);
                        paired.add(image);
                    }
                }
                // Fill up with images not already in the batch (a small split may run out of them).
                int guard = 0;
                while (paired.size() < batchSize && guard++ < 4 * size) {
                    int image = fill.next();
                    if (batch.add(image)) {
                        paired.add(image);
                    }
                }
                epoch.add(paired.stream().mapToInt(Integer::intValue).toArray());
            }
            return epoch;
        }

        @Override
        public int batchesPerEpoch() {
            return batches;
        }

        private int[] drawClasses(Random random) {
            int[] classes = present.clone();
            for (int i = 0; i < sampler.classesPerBatch(); i++) {
                int j = i + random.nextInt(classes.length - i);
                int swap = classes[i];
                classes[i] = classes[j];
                classes[j] = swap;
            }
            return Arrays.copyOf(classes, sampler.classesPerBatch());
        }
    }

    /** Cycles through a set of images in a random order, reshuffling at the end of each pass. */
    final class Queue {
        private final int[] images;
        private final Random random;
        private int[] order;
        private int next;

        Queue(int[] images, Random random) {
            this.images = images;
            this.random = random;
            this.order = Permutation.of(images.length, random);
        }

        int next() {
            if (next == order.length) {
                order = Permutation.of(images.length, random);
                next = 0;
            }
            return images[order[next++]];
        }
    }

    /** The batches of a split, the last one short: {@code ceil(size / batchSize)}, without int overflow. */
    static int batchCount(int size, int batchSize) {
        return (int) (((long) size + batchSize - 1) / batchSize);
    }
}
