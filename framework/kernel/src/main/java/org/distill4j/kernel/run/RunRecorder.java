package org.distill4j.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.util.ModelSerializer;
import org.distill4j.api.data.Dataset;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.plugin.ComponentRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
     * @param student         how the student was made; its provenance sections go into {@code provenance.json}
     * @param trainingSeconds the time the student's trainings took (0 for none)
     * @return the metrics as written
     */
    JsonNode record(ResolvedExperiment experiment, long seed, Path directory, Instant started, TrainableGraph network,
            Dataset data, Optional<LoadedTeacher> teacher, Map<String, Object> metrics, MadeStudent student,
            double trainingSeconds) {
        Path model = directory.resolve(RunStore.MODEL);
        saveModel(network, model);
        Map<String, Object> made = new LinkedHashMap<>(student.provenance());
        // A compressed student's recovery time is its alignment's and its training's together.
        made.computeIfPresent(CompressedStudent.RECOVERY_SECONDS,
                (key, recovery) -> trainingSeconds + ((Number) recovery).doubleValue());
        double compressionSeconds = seconds(made, CompressedStudent.COMPRESSION_SECONDS)
                + seconds(made, CompressedStudent.ALIGNMENT_SECONDS);
        Map<String, Object> provenance = RunRecords.provenance(experiment, seed, git, registry.plugins(), data,
                teacher.orElse(null), AtomicFiles.sha256(model), started, trainingSeconds + compressionSeconds);
        provenance.putAll(made);

        copyDescriptor(experiment, directory);
        AtomicFiles.write(directory.resolve(RunStore.RESOLVED), Json.pretty(Json.parse(experiment.canonicalJson())));
        AtomicFiles.write(directory.resolve(RunStore.PROVENANCE), Json.pretty(provenance));
        String metricsJson = Json.pretty(metrics);
        AtomicFiles.write(directory.resolve(RunStore.METRICS), metricsJson);
        return Json.parse(metricsJson);
    }

    private static double seconds(Map<String, Object> provenance, String key) {
        return ((Number) provenance.getOrDefault(key, 0.0)).doubleValue();
    }

    private static void saveModel(TrainableGraph network, Path model) {
        try {
            Path temporary = Files.createTempFile(model.getParent(), ".model", ".tmp");
            ModelSerializer.writeModel(network, temporary.toFile(), false);
            AtomicFiles.move(temporary, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + model + ": " + e.getMessage(), e);
        }
    }

    private static void copyDescriptor(ResolvedExperiment experiment, Path directory) {
        try {
            AtomicFiles.write(directory.resolve(RunStore.DESCRIPTOR), Files.readAllBytes(experiment.source()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + experiment.source() + ": " + e.getMessage(), e);
        }
    }
}
