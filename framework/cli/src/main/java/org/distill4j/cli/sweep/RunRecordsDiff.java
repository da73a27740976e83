package org.distill4j.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares the records of two run directories, file by file: {@code resolved.json} (the experiment's identity),
 * {@code provenance.json} (where and how it ran) and {@code metrics.json} (what it measured). Nothing is left out:
 * the times of a run, which always differ, are listed in a group of their own.
 */
public final class RunRecordsDiff {

    /** Provenance values that differ between any two runs, identical or not. */
    public static final Set<String> TIMES = Set.of("started", "finished", "seconds");

    private static final String FIRST = "A";
    private static final String SECOND = "B";

    private final PrintStream out;

    public RunRecordsDiff(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Prints what differs between the two runs.
     *
     * @return whether the runs' records are the same apart from the times
     * @throws IllegalArgumentException when a directory is not a run directory
     */
    public boolean compare(Path first, Path second) {
        requireRun(first);
        requireRun(second);
        out.println(FIRST + ": " + first + (RunStore.isDone(first) ? "" : " (not DONE)"));
        out.println(SECOND + ": " + second + (RunStore.isDone(second) ? "" : " (not DONE)"));
        boolean identical = group(RunStore.RESOLVED + " (the experiment's identity)", first, second, RunStore.RESOLVED,
                path -> true);
        identical &= group(RunStore.PROVENANCE, first, second, RunStore.PROVENANCE, path -> !TIMES.contains(path.first()));
        group(RunStore.PROVENANCE + ", expected to differ (times of the run)", first, second, RunStore.PROVENANCE,
                path -> TIMES.contains(path.first()));
        identical &= group(RunStore.METRICS, first, second, RunStore.METRICS, path -> true);
        return identical;
    }

    private boolean group(String title, Path first, Path second, String file, Predicate<JsonPath> included) {
        RecordFile left = RecordFile.read(first.resolve(file));
        RecordFile right = RecordFile.read(second.resolve(file));
        if (left.problem().isPresent() || right.problem().isPresent()) {
            out.println(title + ":");
            left.problem().ifPresent(problem -> out.println("  " + FIRST + ": " + problem));
            right.problem().ifPresent(problem -> out.println("  " + SECOND + ": " + problem));
            return left.problem().equals(right.problem());
        }
        List<ValueDifference> differences = ValueDifference.between(left.tree().orElseThrow(), right.tree().orElseThrow())
                .stream().filter(difference -> included.test(difference.path())).toList();
        if (differences.isEmpty()) {
            out.println(title + ": identical");
            return true;
        }
        out.println(title + ": " + differences.size() + (differences.size() == 1 ? " difference" : " differences")
                + " (" + FIRST + " -> " + SECOND + ")");
        differences.forEach(difference -> out.println("  " + difference.describe(FIRST, SECOND)));
        return false;
    }

    private static void requireRun(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no such run directory: " + directory
                    + " (expected results/<experiment>/<hash12>/seed-<n>/)");
        }
        if (List.of(RunStore.RESOLVED, RunStore.PROVENANCE, RunStore.METRICS).stream()
                .noneMatch(file -> Files.isRegularFile(directory.resolve(file)))) {
            throw new IllegalArgumentException(directory + " is not a run directory: it has none of "
                    + RunStore.RESOLVED + ", " + RunStore.PROVENANCE + " and " + RunStore.METRICS
                    + " (expected results/<experiment>/<hash12>/seed-<n>/)");
        }
    }

    /** One side's file: its tree, or why there is none. */
    private record RecordFile(Optional<JsonNode> tree, Optional<String> problem) {

        static RecordFile read(Path file) {
            if (!Files.isRegularFile(file)) {
                return new RecordFile(Optional.empty(), Optional.of("no " + file.getFileName()));
            }
            try {
                return new RecordFile(Optional.of(Json.read(file)), Optional.empty());
            } catch (RuntimeException e) {
                return new RecordFile(Optional.empty(), Optional.of(e.getMessage()));
            }
        }
    }
}
