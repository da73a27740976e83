package org.distill4j.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a sweep finds its runs and puts its logs: a job's log is {@code <experiment>/<hash12>/seed-<n>.log} beside
 * its run directory, not inside it, because the run engine clears an unfinished run directory before it trains.
 */
public final class SweepLayout {

    private final RunStore store;

    public SweepLayout(RunStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public RunStore store() {
        return store;
    }

    public Path runDirectory(RunKey run) {
        return run.directory(store);
    }

    public Path logFile(RunKey run) {
        Path directory = runDirectory(run);
        return directory.resolveSibling(directory.getFileName() + ".log");
    }

    public boolean isDone(RunKey run) {
        return RunStore.isDone(runDirectory(run));
    }

    /** The test accuracy a finished run recorded; empty when it has none or its metrics cannot be read. */
    public OptionalDouble testAccuracy(RunKey run) {
        Path metrics = runDirectory(run).resolve(RunStore.METRICS);
        if (!Files.isRegularFile(metrics)) {
            return OptionalDouble.empty();
        }
        try {
            JsonNode accuracy = Json.read(metrics).path("test-accuracy");
            return accuracy.isNumber() ? OptionalDouble.of(accuracy.doubleValue()) : OptionalDouble.empty();
        } catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** A path as the user should see it: relative to the results folder's parent when it is inside it. */
    public String shown(Path path) {
        Path base = store.root().getParent() == null ? store.root() : store.root().getParent();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
