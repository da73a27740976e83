package org.distill4j.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a workload untimed a few times, then times each of a number of steps. The warm-up lets DL4J's workspaces
 * learn their sizes and oneDNN build its primitives, which the first steps pay for; its floor in seconds lets the JIT
 * compiler finish, which on 2 cores otherwise takes one of the two cores from the native ops for the first seconds
 * of a workload (a matrix product measured 3-4x slower then than after it). The PyTorch twin warms up by the same
 * rule, so both columns are steady-state figures.
 *
 * @param warmup        untimed steps at least
 * @param warmupSeconds untimed seconds at least (the warm-up ends when both are reached)
 */
public record StepTimer(int warmup, double warmupSeconds, int steps) {

    public StepTimer {
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmup);
        }
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            throw new IllegalArgumentException("warm-up seconds must be a finite number >= 0, got " + warmupSeconds);
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
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmupSteps = 0;
        while (warmupSteps < warmup || System.nanoTime() < warmupEnd) {
            work.run();
            warmupSteps++;
        }
        afterWarmup.run();
        List<Double> milliseconds = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            work.run();
            milliseconds.add((System.nanoTime() - start) / 1e6);
        }
        return new Timing(warmupSteps, milliseconds);
    }
}
