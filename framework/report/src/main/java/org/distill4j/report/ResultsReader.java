package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a results tree ({@code <root>/<experiment-id>/<hash12>/seed-<n>/}, see {@link RunStore}) for tables: the
 * finished runs of an experiment as resolved now, and the finished runs of older versions of it.
 */
final class ResultsReader {

    private static final Pattern SEED_DIRECTORY = Pattern.compile("seed-(\\d+)");

    private final RunStore store;

    ResultsReader(Path root) {
        this.store = new RunStore(Objects.requireNonNull(root, "root"));
    }

    /**
     * The DONE runs of the experiment's current hash, one per seed of the descriptor at most, in seed order. A run
     * whose records cannot be read is returned as damaged, so that its cell says so and the table is still written.
     */
    CurrentRuns currentRuns(ResolvedExperiment experiment) {
        List<RunRecord> runs = new ArrayList<>();
        List<DamagedRun> damaged = new ArrayList<>();
        for (long seed : experiment.seeds()) {
            Path directory = store.runDirectory(experiment.id(), experiment.hash12(), seed);
            if (RunStore.isDone(directory)) {
                try {
                    JsonNode provenance = Json.read(directory.resolve(RunStore.PROVENANCE));
                    JsonNode metrics = Json.read(directory.resolve(RunStore.METRICS));
                    if (!metrics.isObject()) {
                        throw new IllegalArgumentException(RunStore.METRICS + " is not a JSON object");
                    }
                    runs.add(new RunRecord(relative(directory), seed, metrics, RunProvenance.of(provenance),
                            provenance));
                } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                    damaged.add(new DamagedRun(relative(directory), seed, e.getMessage()));
                }
            }
        }
        return new CurrentRuns(runs, damaged);
    }

    /**
     * The DONE runs under the experiment's id with another hash whose provenance records the same profile and the
     * same overrides: the same variant of the descriptor before it was edited. Sorted by directory.
     */
    List<StaleRun> olderRuns(ResolvedExperiment experiment) {
        Path experimentDirectory = store.root().resolve(experiment.id());
        List<String> overrides = experiment.overrides().stream().map(DescriptorOverride::toString).toList();
        List<StaleRun> stale = new ArrayList<>();
        for (Path hashDirectory : directories(experimentDirectory)) {
            if (hashDirectory.getFileName().toString().equals(experiment.hash12())) {
                continue;
            }
            for (Path run : directories(hashDirectory)) {
                Matcher seed = SEED_DIRECTORY.matcher(run.getFileName().toString());
                if (!seed.matches() || !RunStore.isDone(run)) {
                    continue;
                }
                RunProvenance provenance = RunProvenance.of(Json.read(run.resolve(RunStore.PROVENANCE)));
                if (provenance.profile().equals(experiment.profile()) && provenance.overrides().equals(overrides)) {
                    stale.add(new StaleRun(relative(run), provenance.hash(), Long.parseLong(seed.group(1))));
                }
            }
        }
        // Directory names sort seed-10 before seed-2; order by hash directory, then by seed number.
        stale.sort(Comparator.comparing((StaleRun run) -> run.directory().substring(0, run.directory().lastIndexOf('/')))
                .thenComparingLong(StaleRun::seed));
        return List.copyOf(stale);
    }

    /**
     * A value from a run's metrics, as a double: numbers, and the texts JSON writers use for NaN and infinities. A
     * path that starts with {@code provenance.} reads the run's {@code provenance.json} instead: times, which differ
     * between identical runs and so are not metrics.
     */
    static double number(RunRecord run, MetricPath metric, String resultsShown) {
        JsonNode node = node(run, metric);
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        if (node != null && node.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(node.textValue())) {
            return Double.parseDouble(node.textValue());
        }
        throw new IllegalStateException(resultsShown + "/" + run.directory() + "/"
                + (metric.keys().get(0).equals(MetricPath.PROVENANCE) ? RunStore.PROVENANCE : RunStore.METRICS) + " has "
                + (node == null || node.isNull() ? "no value" : "'" + node + "', not a number,") + " at '" + metric
                + "'; a table's metric must be a number every run records, such as test-accuracy or"
                + " teacher.test-accuracy");
    }

    /**
     * Whether the run has a value at the metric's path (not necessarily a number): a run of a student trained alone
     * has nothing at {@code teacher.test-accuracy}. A JSON null is no value.
     */
    static boolean records(RunRecord run, MetricPath metric) {
        JsonNode node = node(run, metric);
        return node != null && !node.isNull();
    }

    private static JsonNode node(RunRecord run, MetricPath metric) {
        return metric.keys().get(0).equals(MetricPath.PROVENANCE) && metric.keys().size() > 1
                ? metric.withoutFirstKey().find(run.provenanceTree()).orElse(null)
                : metric.find(run.metrics()).orElse(null);
    }

    private String relative(Path directory) {
        return Paths.slashed(store.root().relativize(directory));
    }

    private static List<Path> directories(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent + ": " + FileErrors.describe(e), e);
        }
    }
}
