package org.distill4j.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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

    /** Whether the run was stopped mid-training and goes on from its checkpoints rather than from the start. */
    public boolean resumes(RunKey run) {
        return Files.isDirectory(runDirectory(run).resolve(RunStore.CHECKPOINTS));
    }

    public boolean isDone(RunKey run) {
        return RunStore.isDone(runDirectory(run));
    }

    /**
     * The headline a finished run recorded: {@code test 91.20%}, or {@code test R@1 80.10%} for a retrieval task;
     * empty when it has none or its metrics cannot be read.
     */
    public Optional<String> headline(RunKey run) {
        Path metrics = runDirectory(run).resolve(RunStore.METRICS);
        if (!Files.isRegularFile(metrics)) {
            return Optional.empty();
        }
        try {
            JsonNode recorded = Json.read(metrics);
            JsonNode recall = recorded.path("retrieval").path("test").path("recall-at-1");
            if (recall.isNumber()) {
                return Optional.of(String.format(Locale.ROOT, "test R@1 %.2f%%", 100 * recall.doubleValue()));
            }
            JsonNode accuracy = recorded.path("test-accuracy");
            return accuracy.isNumber()
                    ? Optional.of(String.format(Locale.ROOT, "test %.2f%%", 100 * accuracy.doubleValue()))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A path as the user should see it: relative to the results folder's parent when it is inside it. */
    public String shown(Path path) {
        Path base = store.root().getParent() == null ? store.root() : store.root().getParent();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
