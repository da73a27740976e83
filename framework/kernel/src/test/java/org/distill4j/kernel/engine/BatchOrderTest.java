package org.distill4j.kernel.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchOrderTest {

    private static final int[] LABELS = IntStream.range(0, 200).map(i -> i % 7 == 6 ? 6 : i % 5).toArray();

    @Test
    void shuffledBatchesAreConsecutiveSlicesOfOnePermutation() {
        List<int[]> batches = BatchOrder.of(LABELS, 7, 64, null).epoch(new Random(3));

        assertThat(batches).hasSize(4);
        assertThat(batches.get(3)).hasSize(200 - 3 * 64);
        int[] joined = batches.stream().flatMapToInt(Arrays::stream).toArray();
        assertThat(joined).isEqualTo(Permutation.of(200, new Random(3)));
    }

    @Test
    void classBalancedBatchesHoldPClassesOfKImagesAndRandomFill() {
        ClassBalancedSampler sampler = new ClassBalancedSampler(3, 4);
        BatchOrder order = BatchOrder.of(LABELS, 7, 32, sampler);
        List<int[]> batches = order.epoch(new Random(5));

        assertThat(batches).hasSize(order.batchesPerEpoch()).hasSize(7);
        for (int[] batch : batches) {
            assertThat(batch).hasSize(32);
            assertThat(Arrays.stream(batch).distinct().count()).isEqualTo(32);
            // The first P x K images come in runs of K of one class each, from P different classes.
            Map<Integer, Integer> paired = new HashMap<>();
            for (int i = 0; i < sampler.pairedImages(); i++) {
                assertThat(LABELS[batch[i]]).isEqualTo(LABELS[batch[i - i % 4]]);
                paired.merge(LABELS[batch[i]], 1, Integer::sum);
            }
            assertThat(paired).hasSize(3).allSatisfy((label, count) -> assertThat(count).isEqualTo(4));
        }
    }

    @Test
    void aBatchSizeLargerThanTheSplitIsOneBatchOfEveryImageEvenAtIntegerMaxValue() {
        BatchOrder order = BatchOrder.of(new int[10], 1, Integer.MAX_VALUE, null);

        assertThat(order.batchesPerEpoch()).isEqualTo(1);
        assertThat(order.epoch(new Random(1))).singleElement().satisfies(batch -> assertThat(batch).hasSize(10));
        assertThat(BatchOrder.batchCount(10, 3)).isEqualTo(4);
        assertThat(BatchOrder.batchCount(Integer.MAX_VALUE, Integer.MAX_VALUE - 1)).isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        BatchOrder order = BatchOrder.of(LABELS, 7, 32, new ClassBalancedSampler(2, 8));

        assertThat(order.epoch(new Random(11))).containsExactlyElementsOf(order.epoch(new Random(11)));
        assertThat(order.epoch(new Random(11))).usingElementComparator(Arrays::compare)
                .isNotEqualTo(order.epoch(new Random(12)));
    }

    @Test
    void aSamplerThatAsksForMoreClassesThanTheSplitHoldsIsRejected() {
        assertThatThrownBy(() -> BatchOrder.of(new int[] {0, 1, 0, 1}, 5, 4, new ClassBalancedSampler(3, 1)))
                .hasMessage("the sampler draws 3 classes per batch, but the training split holds images of only 2"
                        + " classes; use classes-per-batch <= 2");
        assertThatThrownBy(() -> BatchOrder.of(LABELS, 7, 8, new ClassBalancedSampler(3, 4)))
                .hasMessageContaining("3 classes x 4 images = 12 per batch, more than the batch size 8");
    }
}
