package org.distill4j.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.ParseResult;
import org.distill4j.kernel.descriptor.RecordedDescriptor;
import org.distill4j.kernel.descriptor.RecordedDescriptorReader;
import org.distill4j.kernel.descriptor.TeacherLookup;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rebuilds experiments from the runs recorded in a result store, without their descriptor files: a run's
 * {@code resolved.json} gives the experiment, its {@code provenance.json} the descriptor's directory (which relative
 * paths resolve against) and the overrides, and a teacher reference is found as the teacher's recorded run in the
 * same store ({@code <experiment>/<hash12>/seed-*}), rebuilt the same way.
 */
public final class RecordedRuns implements TeacherLookup {

    private final RecordedDescriptorReader reader;
    private final RunStore store;

    public RecordedRuns(RecordedDescriptorReader reader, RunStore store) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The experiment of a recorded run, with the run's seed as its only seed. */
    public ParseResult experimentOf(RunDirectory run) {
        return read(run.directory(), List.of(run.seed()), Optional.of(run.hash12()));
    }

    /** A recorded teacher: any recorded run of the experiment with this hash, with every recorded seed. */
    @Override
    public ParseResult find(String experimentId, String hash) {
        Path experiment = store.root().resolve(experimentId).resolve(hash.substring(0, 12));
        List<Path> runs = recordedRuns(experiment);
        if (runs.isEmpty()) {
            return ParseResult.invalid(experiment, List.of(new Problem("", "no recorded run of teacher " + experimentId
                    + " with hash " + hash + " in " + experiment + " (a seed-<n> folder with resolved.json); copy the"
                    + " teacher's run records into this results folder")));
        }
        List<Long> seeds = runs.stream().map(run -> seedOf(run)).toList();
        ParseResult teacher = read(runs.get(0), seeds, Optional.empty());
        if (teacher.isValid() && !teacher.experiment().orElseThrow().hash().equals(hash)) {
            return ParseResult.invalid(runs.get(0), List.of(new Problem("", "the recorded teacher run "
                    + runs.get(0) + " has hash " + teacher.experiment().orElseThrow().hash() + ", not " + hash)));
        }
        return teacher;
    }

    private ParseResult read(Path run, List<Long> seeds, Optional<String> expectedHash12) {
        Path resolved = run.resolve(RunStore.RESOLVED);
        JsonNode provenance = readProvenance(run);
        Path descriptor = Path.of(provenance.path("descriptor").path("path").asText(resolved.toString()));
        Path baseDirectory = descriptor.isAbsolute() && descriptor.getParent() != null ? descriptor.getParent() : run;
        List<DescriptorOverride> overrides = new ArrayList<>();
        for (JsonNode override : provenance.path("overrides")) {
            overrides.add(DescriptorOverride.parse(override.asText()));
        }
        // The run directory's descriptor.yaml is the descriptor's text as it was when the run was made.
        Path source = Files.isRegularFile(run.resolve(RunStore.DESCRIPTOR)) ? run.resolve(RunStore.DESCRIPTOR) : resolved;
        RecordedDescriptor recorded = new RecordedDescriptor(resolved, Json.read(resolved), seeds, source, baseDirectory,
                overrides);
        if (expectedHash12.isPresent() && !recorded.hash().startsWith(expectedHash12.get())) {
            return ParseResult.invalid(resolved, List.of(new Problem("", "its canonical form hashes to "
                    + recorded.hash() + ", but the run is filed under " + expectedHash12.get()
                    + "; resolved.json was edited after the run")));
        }
        return reader.read(recorded, this);
    }

    private static JsonNode readProvenance(Path run) {
        Path provenance = run.resolve(RunStore.PROVENANCE);
        return Files.isRegularFile(provenance) ? Json.read(provenance) : Json.parse("{}");
    }

    // Finished runs first, so a teacher is rebuilt from a complete record where there is one.
    private static List<Path> recordedRuns(Path experiment) {
        if (!Files.isDirectory(experiment)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(experiment)) {
            return entries.filter(entry -> entry.getFileName().toString().matches("seed-\\d{1,18}"))
                    .filter(entry -> Files.isRegularFile(entry.resolve(RunStore.RESOLVED)))
                    .sorted(Comparator.comparing((Path entry) -> !RunStore.isDone(entry)).thenComparingLong(RecordedRuns::seedOf))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs in " + experiment + ": " + FileErrors.describe(e), e);
        }
    }

    private static long seedOf(Path run) {
        return Long.parseLong(run.getFileName().toString().substring("seed-".length()));
    }
}
