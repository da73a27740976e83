package org.distill4j.report;

import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.run.AtomicFiles;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes run records without training, in the layout and with the keys the kernel's ExperimentRunner and RunRecords
 * write: {@code <results>/<experiment-id>/<hash12>/seed-<n>/} with resolved.json, provenance.json, metrics.json and,
 * for a finished run, DONE last.
 */
final class FakeRuns {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    /** A finished run whose test accuracy is {@code accuracy}, reached over two epochs. */
    static Path finished(Path results, ResolvedExperiment experiment, long seed, double accuracy) {
        return finished(results, experiment, seed, accuracy, Map.of());
    }

    /** A finished run with more metrics beside the test accuracy, e.g. {@code teacher: {test-accuracy: 0.9}}. */
    static Path finished(Path results, ResolvedExperiment experiment, long seed, double accuracy,
            Map<String, Object> moreMetrics) {
        Path directory = records(results, experiment, seed, accuracy, moreMetrics);
        RunStore.markDone(directory);
        return directory;
    }

    /** A run that was interrupted after writing its records: everything but DONE. */
    static Path interrupted(Path results, ResolvedExperiment experiment, long seed, double accuracy) {
        return records(results, experiment, seed, accuracy, Map.of());
    }

    private static Path records(Path results, ResolvedExperiment experiment, long seed, double accuracy,
            Map<String, Object> moreMetrics) {
        Path directory = new RunStore(results).runDirectory(experiment.id(), experiment.hash12(), seed);
        AtomicFiles.write(directory.resolve(RunStore.RESOLVED), Json.pretty(Json.parse(experiment.canonicalJson())));
        AtomicFiles.write(directory.resolve(RunStore.PROVENANCE), Json.pretty(provenance(experiment, seed)));
        Map<String, Object> metrics = metrics(experiment, seed, accuracy);
        metrics.putAll(moreMetrics);
        AtomicFiles.write(directory.resolve(RunStore.METRICS), Json.pretty(metrics));
        return directory;
    }

    private static Map<String, Object> provenance(ResolvedExperiment experiment, long seed) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("experiment", experiment.id());
        provenance.put("profile", experiment.profile());
        provenance.put("hash", experiment.hash());
        provenance.put("seed", seed);
        provenance.put("overrides", experiment.overrides().stream().map(DescriptorOverride::toString).toList());
        provenance.put("git", Map.of("commit", COMMIT, "dirty", false));
        provenance.put("backend", Map.of("nd4j-backend", "CPU", "native-classifier", "linux-x86_64-onednn-avx2"));
        provenance.put("data", Map.of("name", "synthetic", "files", List.of(Map.of("location", "embedded:synthetic",
                "sha256", "ab".repeat(32), "bytes", 1024))));
        provenance.put("started", "2024-01-01T00:00:00Z");
        provenance.put("seconds", 12.5);
        return provenance;
    }

    private static Map<String, Object> metrics(ResolvedExperiment experiment, long seed, double accuracy) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("experiment", experiment.id());
        metrics.put("hash", experiment.hash());
        metrics.put("seed", seed);
        metrics.put("test-accuracy", accuracy);
        metrics.put("epochs", 2);
        metrics.put("history", Map.of("test-accuracy", List.of(accuracy - 0.05, accuracy),
                "train-loss", List.of(1.0, 0.5)));
        return metrics;
    }

    private FakeRuns() {
    }
}
