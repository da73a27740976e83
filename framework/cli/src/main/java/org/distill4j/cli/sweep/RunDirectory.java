package org.distill4j.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded run directory, {@code <results>/<experiment>/<hash12>/seed-<n>/}, located from its {@code resolved.json}.
 *
 * @param directory    the run directory, absolute
 * @param store        the result store it belongs to
 * @param experimentId the experiment id its resolved.json records
 * @param seed         its seed
 */
public record RunDirectory(Path directory, RunStore store, String experimentId, long seed) {

    private static final Pattern SEED = Pattern.compile("seed-(\\d{1,18})");
    private static final String LAYOUT = "results/<experiment>/<hash12>/seed-<n>/";

    public RunDirectory {
        directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(experimentId, "experimentId");
    }

    /**
     * Locates a run directory in its result store.
     *
     * @throws IllegalArgumentException when the path is not a run directory that {@code distill4j run} wrote, saying
     *                                  which part is missing
     */
    public static RunDirectory of(Path path) {
        Path directory = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no such run directory: " + path + " (expected " + LAYOUT + ")");
        }
        Path resolved = directory.resolve(RunStore.RESOLVED);
        if (!Files.isRegularFile(resolved)) {
            throw new IllegalArgumentException(path + " has no " + RunStore.RESOLVED + ": a run is rebuilt from the"
                    + " resolved.json that distill4j run writes into each run directory (" + LAYOUT + "); is this a"
                    + " run directory, and did its run finish?");
        }
        Matcher seed = SEED.matcher(directory.getFileName().toString());
        if (!seed.matches()) {
            throw new IllegalArgumentException(path + " is not named seed-<n>: expected a run directory " + LAYOUT);
        }
        JsonNode id = Json.read(resolved).path("experiment");
        if (!id.isTextual()) {
            throw new IllegalArgumentException(resolved + " has no experiment id: it is not a resolved.json written by"
                    + " distill4j run");
        }
        int depth = id.textValue().split("/").length + 2;
        if (directory.getNameCount() <= depth) {
            throw new IllegalArgumentException(path + " is not inside a results folder: expected " + LAYOUT);
        }
        Path root = directory;
        for (int i = 0; i < depth; i++) {
            root = root.getParent();
        }
        if (!root.resolve(id.textValue()).equals(directory.getParent().getParent())) {
            throw new IllegalArgumentException(path + " records experiment " + id.textValue() + " but is not in its"
                    + " place " + LAYOUT.replace("<experiment>", id.textValue()) + "; was it moved or renamed?");
        }
        return new RunDirectory(directory, new RunStore(root), id.textValue(), Long.parseLong(seed.group(1)));
    }

    /** The hash folder's name: the first 12 hexadecimal digits of the run's identity. */
    public String hash12() {
        return directory.getParent().getFileName().toString();
    }

    public Path file(String name) {
        return directory.resolve(name);
    }
}
