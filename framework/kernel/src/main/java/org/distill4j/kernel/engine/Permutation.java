package org.distill4j.kernel.engine;

import java.util.Random;

/**
 * The seeded Fisher-Yates permutation every shuffle of the kernel uses (epoch order, few-sample order). Part of the
 * published behaviour: a seed's runs reproduce only while it draws the same numbers in the same order.
 */
public final class Permutation {

    private Permutation() {
    }

    /** A permutation of {@code 0..size-1} drawn from {@code random}. */
    public static int[] of(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
