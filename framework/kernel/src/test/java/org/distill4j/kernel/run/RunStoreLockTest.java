package org.distill4j.kernel.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class RunStoreLockTest {

    @TempDir
    Path directory;

    /**
     * Two threads of one JVM (an in-process sweep whose students share a teacher) lock the same run: the second
     * waits for the first instead of failing with OverlappingFileLockException, and gets the lock once it is released.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSecondThreadWaitsForTheRunLockInsteadOfFailing() throws Exception {
        RunStore store = new RunStore(directory);
        Path run = directory.resolve("test/teacher/abc/seed-1");
        AtomicBoolean firstHolds = new AtomicBoolean(true);
        CountDownLatch secondStarted = new CountDownLatch(1);

        CompletableFuture<Boolean> second;
        try (RunStore.RunLock first = store.lock(run)) {
            second = CompletableFuture.supplyAsync(() -> {
                secondStarted.countDown();
                try (RunStore.RunLock lock = store.lock(run)) {
                    return firstHolds.get();
                }
            });
            assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(second).isNotDone();
            firstHolds.set(false);
        }

        assertThat(second.get(10, TimeUnit.SECONDS)).as("the second got the lock while the first held it").isFalse();
        try (RunStore.RunLock again = store.lock(run)) {
            assertThat(again).isNotNull();
        }
    }
}
