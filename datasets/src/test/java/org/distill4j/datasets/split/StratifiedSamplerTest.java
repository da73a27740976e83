package org.distill4j.datasets.split;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StratifiedSamplerTest {

    /** Unbalanced classes: 4 classes with 50, 30, 15 and 5 images in a fixed shuffled order. */
    private static final int[] LABELS = unbalancedLabels();

    @Test
    void sameSeedDrawsTheSameImagesInTheSameOrder() {
        int[] first = StratifiedSampler.sample(LABELS, 4, 37, 42, SplitStage.TRAIN_SUBSET);
        int[] second = StratifiedSampler.sample(LABELS, 4, 37, 42, SplitStage.TRAIN_SUBSET);

        assertThat(second).containsExactly(first);
    }

    @Test
    void anotherSeedOrStageDrawsOtherImages() {
        int[] drawn = StratifiedSampler.sample(LABELS, 4, 37, 42, SplitStage.TRAIN_SUBSET);

        assertThat(StratifiedSampler.sample(LABELS, 4, 37, 43, SplitStage.TRAIN_SUBSET)).isNotEqualTo(drawn);
        assertThat(StratifiedSampler.sample(LABELS, 4, 37, 42, SplitStage.VALIDATION)).isNotEqualTo(drawn);
    }

    @Test
    void eachClassGetsItsShareWithinOneImage() {
        for (int count = 0; count <= LABELS.length; count++) {
            int[] drawn = StratifiedSampler.sample(LABELS, 4, count, 7, SplitStage.TEST_SUBSET);
            int[] perClass = new int[4];
            for (int index : drawn) {
                perClass[LABELS[index]]++;
            }
            int[] available = {50, 30, 15, 5};
            for (int label = 0; label < 4; label++) {
                double exactShare = (double) count * available[label] / LABELS.length;
                assertThat(Math.abs(perClass[label] - exactShare)).as("class %d of %d drawn", label, count)
                        .isLessThan(1.0);
            }
            assertThat(drawn).hasSize(count);
        }
    }

    @Test
    void drawsDistinctIndicesInAscendingOrder() {
        int[] drawn = StratifiedSampler.sample(LABELS, 4, 60, 3, SplitStage.TRAIN_SUBSET);

        Set<Integer> distinct = new HashSet<>();
        for (int index : drawn) {
            distinct.add(index);
        }
        assertThat(distinct).hasSize(60);
        assertThat(drawn).isSorted();
    }

    @Test
    void drawingEverythingGivesEveryIndex() {
        int[] drawn = StratifiedSampler.sample(LABELS, 4, LABELS.length, 9, SplitStage.TRAIN_SUBSET);

        int[] expected = new int[LABELS.length];
        Arrays.setAll(expected, index -> index);
        assertThat(drawn).containsExactly(expected);
    }

    @Test
    void largestRemaindersGetTheLeftOverImages() {
        // Exact shares of 7 drawn from classes of 5, 3 and 2: 3.5, 2.1 and 1.4; the floors 3, 2, 1 leave one image,
        // which goes to the largest remainder (class 0).
        assertThat(StratifiedSampler.quotas(new int[] {5, 3, 2}, 7)).containsExactly(4, 2, 1);
        // Equal remainders: the lower class index wins.
        assertThat(StratifiedSampler.quotas(new int[] {1, 1, 1}, 2)).containsExactly(1, 1, 0);
    }

    @Test
    void complementKeepsOrder() {
        assertThat(StratifiedSampler.complement(6, new int[] {4, 1})).containsExactly(0, 2, 3, 5);
    }

    @Test
    void theStreamSeedFollowsThePublishedFormula() {
        long expected = StratifiedSampler.mix(StratifiedSampler.mix(5 + 2 * 0x9E3779B97F4A7C15L) + 3);

        assertThat(StratifiedSampler.streamSeed(5, SplitStage.VALIDATION, 3)).isEqualTo(expected);
        // SplitMix64 reference value: the finaliser of 0x9E3779B97F4A7C15 (the first output of SplitMix64 seeded 0).
        assertThat(StratifiedSampler.mix(0x9E3779B97F4A7C15L)).isEqualTo(0xE220A8397B1DCDAFL);
    }

    @Test
    void cannotDrawMoreThanThereAre() {
        assertThatThrownBy(() -> StratifiedSampler.sample(LABELS, 4, 101, 1, SplitStage.TRAIN_SUBSET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot draw 101 of 100 images");
    }

    private static int[] unbalancedLabels() {
        int[] labels = new int[100];
        int next = 0;
        int[] sizes = {50, 30, 15, 5};
        for (int label = 0; label < sizes.length; label++) {
            for (int copy = 0; copy < sizes[label]; copy++) {
                labels[next++] = label;
            }
        }
        Random random = new Random(1);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = labels[i];
            labels[i] = labels[j];
            labels[j] = swapped;
        }
        return labels;
    }
}
