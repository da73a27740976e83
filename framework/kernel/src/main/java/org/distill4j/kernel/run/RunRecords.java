package org.distill4j.kernel.run;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.engine.TrainingOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a run's {@code metrics.json} and {@code provenance.json}. Metrics hold only what the same seed
 * reproduces exactly (accuracies, losses, sizes); everything that varies between identical runs (times, paths, the
 * machine) is provenance.
 */
final class RunRecords {

    static Map<String, Object> metrics(ResolvedExperiment experiment, long seed, NetworkSpec spec,
            TrainingOutcome outcome, List<StageOutcome> stages, LoadedTeacher teacher, Double teacherAccuracy) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("experiment", experiment.id());
        metrics.put("hash", experiment.hash());
        metrics.put("seed", seed);
        metrics.put("test-accuracy", outcome.testAccuracy());
        metrics.put("validation-accuracy", Double.isNaN(outcome.validationAccuracy()) ? null : outcome.validationAccuracy());
        metrics.put("selected-epoch", outcome.selectedEpoch());
        metrics.put("epochs", outcome.epochs().size());
        metrics.put("final-train-loss", outcome.epochs().get(outcome.epochs().size() - 1).trainLoss());
        metrics.put("student", Map.of("family", spec.family(), "parameters", spec.statistics().parameters(),
                "multiply-accumulates", spec.statistics().multiplyAccumulates()));
        if (teacher != null) {
            Map<String, Object> teacherMetrics = new LinkedHashMap<>(teacher.metrics());
            teacherMetrics.put("test-accuracy", teacherAccuracy);
            metrics.put("teacher", teacherMetrics);
        }
        metrics.put("history", history(outcome));
        // The history above is the main training's, so that accuracy-vs-epoch plots compare it across rows; the
        // earlier stages (a hint or FSP stage) are recorded beside it, only when there are any.
        if (!stages.isEmpty()) {
            List<Map<String, Object>> stageMetrics = new ArrayList<>();
            for (StageOutcome stage : stages) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", stage.name());
                entry.put("epochs", stage.outcome().epochs().size());
                entry.put("final-train-loss", stage.outcome().epochs().get(stage.outcome().epochs().size() - 1)
                        .trainLoss());
                entry.put("history", history(stage.outcome()));
                stageMetrics.add(entry);
            }
            metrics.put("stages", stageMetrics);
        }
        return metrics;
    }

    /**
     * The metrics of a compressed student evaluated without training: its accuracies as the compressor (and aligner)
     * left it, and their sections.
     */
    static Map<String, Object> untrainedMetrics(ResolvedExperiment experiment, long seed, NetworkSpec spec,
            double testAccuracy, double validationAccuracy, LoadedTeacher teacher, Double teacherAccuracy,
            Map<String, Object> compression) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("experiment", experiment.id());
        metrics.put("hash", experiment.hash());
        metrics.put("seed", seed);
        metrics.put("test-accuracy", testAccuracy);
        metrics.put("validation-accuracy", Double.isNaN(validationAccuracy) ? null : validationAccuracy);
        metrics.put("epochs", 0);
        metrics.put("student", Map.of("family", spec.family(), "parameters", spec.statistics().parameters(),
                "multiply-accumulates", spec.statistics().multiplyAccumulates()));
        Map<String, Object> teacherMetrics = new LinkedHashMap<>(teacher.metrics());
        teacherMetrics.put("test-accuracy", teacherAccuracy);
        metrics.put("teacher", teacherMetrics);
        metrics.putAll(compression);
        return metrics;
    }

    private static Map<String, Object> history(TrainingOutcome outcome) {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("train-loss", outcome.epochs().stream().map(e -> e.trainLoss()).toList());
        history.put("train-accuracy", outcome.epochs().stream().map(e -> e.trainAccuracy()).toList());
        history.put("validation-accuracy", outcome.epochs().stream().map(e -> e.validationAccuracy()).toList());
        history.put("test-accuracy", outcome.epochs().stream().map(e -> e.testAccuracy()).toList());
        return history;
    }

    static Map<String, Object> provenance(ResolvedExperiment experiment, long seed, GitState git,
            List<Distill4jPlugin> plugins, Dataset data, LoadedTeacher teacher, String modelSha256, Instant started,
            double seconds) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("experiment", experiment.id());
        provenance.put("profile", experiment.profile());
        provenance.put("hash", experiment.hash());
        provenance.put("seed", seed);
        provenance.put("overrides", experiment.overrides().stream().map(DescriptorOverride::toString).toList());
        provenance.put("descriptor", Map.of("path", experiment.source().toString(),
                "sha256", AtomicFiles.sha256(experiment.source())));
        provenance.put("git", Map.of("commit", git.commit(), "dirty", git.dirty()));
        provenance.put("plugins", Provenance.plugins(plugins));
        provenance.put("backend", Provenance.backend());
        provenance.put("machine", Provenance.machine());
        provenance.put("data", Provenance.data(data));
        if (teacher != null) {
            provenance.put("teacher", teacher.provenance());
        }
        provenance.put("model-sha256", modelSha256);
        provenance.put("started", started.toString());
        provenance.put("finished", Instant.now().toString());
        provenance.put("seconds", seconds);
        return provenance;
    }

    private RunRecords() {
    }
}
