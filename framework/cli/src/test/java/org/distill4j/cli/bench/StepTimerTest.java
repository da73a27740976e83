package org.distill4j.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepTimerTest {

    @Test
    void theWarmUpRunsItsStepsWhenTheyTakeLongerThanItsSeconds() {
        AtomicInteger runs = new AtomicInteger();

        Timing timing = new StepTimer(3, 0, 2).time(runs::incrementAndGet);

        assertThat(timing.warmup()).isEqualTo(3);
        assertThat(timing.steps()).isEqualTo(2);
        assertThat(runs).hasValue(5);
    }

    @Test
    void theWarmUpGoesOnUntilItsSecondsHavePassed() {
        AtomicInteger runs = new AtomicInteger();
        long start = System.nanoTime();

        Timing timing = new StepTimer(1, 0.2, 1).time(() -> {
            runs.incrementAndGet();
            sleep(10);
        });

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
        assertThat(timing.warmup()).isGreaterThan(1).isEqualTo(runs.get() - 1);
    }

    @Test
    void negativeOrEndlessWarmUpSecondsAreRefused() {
        assertThatThrownBy(() -> new StepTimer(1, -1, 1)).hasMessageContaining("warm-up seconds must be");
        assertThatThrownBy(() -> new StepTimer(1, Double.NaN, 1)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> new StepTimer(1, Double.POSITIVE_INFINITY, 1)).hasMessageContaining("finite");
    }

    private static void sleep(long milliseconds) {
        try {
            Thread.sleep(milliseconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
