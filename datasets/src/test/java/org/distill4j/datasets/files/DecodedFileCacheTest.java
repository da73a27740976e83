package org.distill4j.datasets.files;

import org.distill4j.api.data.DataFile;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DecodedFileCacheTest {

    @Test
    void decodesAFileOnceUntilItsHashChanges() {
        DecodedFileCache cache = new DecodedFileCache(1000);
        AtomicInteger decodes = new AtomicInteger();

        String first = cache.get(file("a", "1"), String.class, () -> "decoded-" + decodes.incrementAndGet(), s -> 10);
        String again = cache.get(file("a", "1"), String.class, () -> "decoded-" + decodes.incrementAndGet(), s -> 10);
        String changed = cache.get(file("a", "2"), String.class, () -> "decoded-" + decodes.incrementAndGet(), s -> 10);

        assertThat(first).isEqualTo("decoded-1").isSameAs(again);
        assertThat(changed).isEqualTo("decoded-2");
        assertThat(cache.decodes()).isEqualTo(2);
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondCapacity() {
        DecodedFileCache cache = new DecodedFileCache(100);
        cache.get(file("a", "1"), String.class, () -> "a", s -> 40);
        cache.get(file("b", "1"), String.class, () -> "b", s -> 40);
        cache.get(file("a", "1"), String.class, () -> "a", s -> 40);
        cache.get(file("c", "1"), String.class, () -> "c", s -> 40);

        assertThat(cache.heldBytes()).isEqualTo(80);
        long before = cache.decodes();
        cache.get(file("a", "1"), String.class, () -> "a", s -> 40);
        assertThat(cache.decodes()).as("a was used recently and stays").isEqualTo(before);
        cache.get(file("b", "1"), String.class, () -> "b", s -> 40);
        assertThat(cache.decodes()).as("b was dropped").isEqualTo(before + 1);
    }

    @Test
    void valuesLargerThanTheCapacityAreNotKept() {
        DecodedFileCache cache = new DecodedFileCache(10);

        cache.get(file("a", "1"), String.class, () -> "a", s -> 11);

        assertThat(cache.heldBytes()).isZero();
    }

    private static DataFile file(String location, String sha256) {
        return new DataFile(location, sha256, 1);
    }
}
