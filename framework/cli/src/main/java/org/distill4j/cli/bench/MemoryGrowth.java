package org.distill4j.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Whether resident memory still grows after many steps (KD steps unless told): runs the step a number of times and samples the
 * process's memory at checkpoints (100, 500, 1,000 steps, then every 1,000, and the last step). The verdict compares
 * the last two checkpoints: by then workspaces and oneDNN's caches have reached their sizes, so a rise beyond
 * {@link #GROWTH_THRESHOLD_MEGABYTES} is memory that keeps piling up (a leak in the step, ND4J's or ours).
 */
final class MemoryGrowth {

    /** Resident memory jitters by a few MB (the heap's young generation, malloc arenas); a leak shows far more. */
    static final double GROWTH_THRESHOLD_MEGABYTES = 16;

    private static final int[] FIRST_CHECKPOINTS = {100, 500};
    private static final int CHECKPOINT_INTERVAL = 1000;

    /** Memory after a number of steps. */
    record Checkpoint(int step, ResidentMemory memory) {
    }

    /**
     * @param verdict     {@code grows}, {@code flat}, or {@code unknown} (fewer than two checkpoints, or no procfs)
     * @param growthMegabytes VmRSS at the last checkpoint minus VmRSS at the one before
     */
    record Report(String workload, int steps, List<Checkpoint> checkpoints, String verdict, double growthMegabytes) {

        Report {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /** The steps after which memory is sampled: the standard checkpoints below {@code steps}, and {@code steps}. */
    static List<Integer> checkpoints(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("memory steps must be >= 1, got " + steps);
        }
        TreeSet<Integer> points = new TreeSet<>();
        for (int point : FIRST_CHECKPOINTS) {
            points.add(point);
        }
        for (int point = CHECKPOINT_INTERVAL; point < steps; point += CHECKPOINT_INTERVAL) {
            points.add(point);
        }
        points.removeIf(point -> point >= steps);
        points.add(steps);
        if (points.size() == 1 && steps >= 2) {
            // Too few steps for the standard checkpoints (a quick try): compare the middle with the end.
            points.add(steps / 2);
        }
        return List.copyOf(points);
    }

    static Report run(String workload, int steps, Runnable step, Consumer<Checkpoint> progress) {
        List<Integer> points = checkpoints(steps);
        List<Checkpoint> checkpoints = new ArrayList<>();
        int next = 0;
        for (int done = 1; done <= steps; done++) {
            step.run();
            if (done == points.get(next)) {
                Checkpoint checkpoint = new Checkpoint(done, ResidentMemory.now());
                checkpoints.add(checkpoint);
                progress.accept(checkpoint);
                next++;
            }
        }
        return verdict(workload, steps, checkpoints);
    }

    static Report verdict(String workload, int steps, List<Checkpoint> checkpoints) {
        if (checkpoints.size() < 2) {
            return new Report(workload, steps, checkpoints, "unknown", Double.NaN);
        }
        double growth = checkpoints.get(checkpoints.size() - 1).memory().residentMegabytes()
                - checkpoints.get(checkpoints.size() - 2).memory().residentMegabytes();
        String verdict = Double.isNaN(growth) ? "unknown" : growth > GROWTH_THRESHOLD_MEGABYTES ? "grows" : "flat";
        return new Report(workload, steps, checkpoints, verdict, growth);
    }
}
