package org.distill4j.models.layers;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelThreadsTest {

    @Test
    void everyRowRunsOnceInContiguousRangesNumberedByPart() {
        for (int parts = 1; parts <= 3; parts++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(11);
            int[] firstRowOfPart = new int[parts];
            KernelThreads.forEach(11, parts, (part, from, to) -> {
                firstRowOfPart[part] = from;
                for (int row = from; row < to; row++) {
                    runs.incrementAndGet(row);
                }
            });
            for (int row = 0; row < 11; row++) {
                assertThat(runs.get(row)).as("row %d with %d parts", row, parts).isEqualTo(1);
            }
            for (int part = 1; part < parts; part++) {
                assertThat(firstRowOfPart[part]).isGreaterThan(firstRowOfPart[part - 1]);
            }
        }
    }

    @Test
    void smallArraysStayOnOneThreadAndNoPartIsEmpty() {
        assertThat(KernelThreads.parts(128, KernelThreads.SMALLEST_PARALLEL_LENGTH - 1)).isEqualTo(1);
        assertThat(KernelThreads.parts(1, 1L << 30)).isEqualTo(1);
        assertThat(KernelThreads.parts(128, 1L << 30)).isBetween(1, 128);
    }

    @Test
    void aFailureInAnyPartReachesTheCaller() {
        assertThatThrownBy(() -> KernelThreads.forEach(4, 2, (part, from, to) -> {
            if (part == 1) {
                throw new IllegalArgumentException("part one failed");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("part one failed");
    }
}
