package org.distill4j.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.util.ModelSerializer;
import org.distill4j.api.data.Dataset;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.records.RunMetrics;
import org.distill4j.kernel.records.RunProvenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The record stage of a run: saves the model and writes the run's records (descriptor, resolved descriptor,
 * provenance, metrics); the caller marks the run DONE after.
 */
final class RunRecorder {

    private final ComponentRegistry registry;
    private final GitState git;

    RunRecorder(ComponentRegistry registry, GitState git) {
        this.registry = registry;
        this.git = git;
    }

    /**
     * @param metrics         the content of {@code metrics.json}
     * @param student         how the student was made; its times and source go into {@code provenance.json}
     * @param trainingSeconds the time the student's trainings took (0 for none)
     * @return the metrics as written
     */
    JsonNode record(ResolvedExperiment experiment, long seed, Path directory, Instant started, TrainableGraph network,
            Dataset data, Optional<LoadedTeacher> teacher, RunMetrics metrics, MadeStudent student,
            double trainingSeconds) {
        Path model = directory.resolve(RunStore.MODEL);
        saveModel(network, model);
        StudentOrigin origin = student.origin();
        double compressionSeconds = zeroIfNull(origin.compressionSeconds()) + zeroIfNull(origin.alignmentSeconds());
        if (git.dirty()) {
            // The code differed from its commit: the run keeps the difference, so that it can be reproduced.
            AtomicFiles.write(directory.resolve(RunStore.UNCOMMITTED_PATCH), git.patch());
        }
        RunProvenance provenance = RunRecords.provenance(experiment, seed, git, directory, registry.plugins(), data,
                teacher.orElse(null), AtomicFiles.sha256(model), started, trainingSeconds + compressionSeconds, origin,
                trainingSeconds);

        copyDescriptor(experiment, directory);
        AtomicFiles.write(directory.resolve(RunStore.RESOLVED), Json.pretty(Json.parse(experiment.canonicalJson())));
        AtomicFiles.write(directory.resolve(RunStore.PROVENANCE), Json.pretty(provenance));
        String metricsJson = Json.pretty(metrics);
        AtomicFiles.write(directory.resolve(RunStore.METRICS), metricsJson);
        return Json.parse(metricsJson);
    }

    private static double zeroIfNull(Double seconds) {
        return seconds == null ? 0 : seconds;
    }

    private static void saveModel(TrainableGraph network, Path model) {
        try {
            Path temporary = Files.createTempFile(model.getParent(), ".model", ".tmp");
            ModelSerializer.writeModel(network, temporary.toFile(), false);
            AtomicFiles.move(temporary, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + model + ": " + FileErrors.describe(e), e);
        }
    }

    private static void copyDescriptor(ResolvedExperiment experiment, Path directory) {
        try {
            AtomicFiles.write(directory.resolve(RunStore.DESCRIPTOR), Files.readAllBytes(experiment.source()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + experiment.source() + ": " + FileErrors.describe(e), e);
        }
    }
}
