package org.distill4j.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a workload untimed a few times, then times each of a number of steps. The warm-up lets DL4J's workspaces
 * learn their sizes and oneDNN build its primitives, which the first steps pay for.
 */
public record StepTimer(int warmup, int steps) {

    public StepTimer {
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmup);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("timed steps must be >= 1, got " + steps);
        }
    }

    public Timing time(Runnable work) {
        return time(work, () -> { });
    }

    /**
     * @param afterWarmup runs once between warm-up and the timed steps (to forget what the warm-up recorded)
     */
    public Timing time(Runnable work, Runnable afterWarmup) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        afterWarmup.run();
        List<Double> milliseconds = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            work.run();
            milliseconds.add((System.nanoTime() - start) / 1e6);
        }
        return new Timing(warmup, milliseconds);
    }
}
