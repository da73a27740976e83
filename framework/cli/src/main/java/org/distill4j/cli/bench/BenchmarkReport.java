package org.distill4j.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * What one benchmark run measured, and its JSON form. The PyTorch twin ({@code scripts/bench-pytorch.py}) writes
 * the same keys, which is how {@link Comparison} lines the two up; change one, change the other.
 *
 * @param reference null when the reference workloads were not run
 * @param memory    null when the memory-growth check was not run
 */
public record BenchmarkReport(String implementation, String version, String backend, int threads,
        ReferenceResults reference, List<FamilyResult> families, ResidentMemory finalMemory,
        MemoryGrowth.Report memory) {

    public BenchmarkReport {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(finalMemory, "finalMemory");
        families = List.copyOf(families);
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("implementation", implementation);
        root.put("version", version);
        root.put("backend", backend);
        root.put("threads", threads);
        if (reference != null) {
            ObjectNode node = root.putObject("reference");
            node.put("batch", reference.batch());
            node.put("input", BenchInputs.name(BenchInputs.GRAYSCALE));
            node.put("warmup", reference.kdStep().warmup());
            node.put("steps", reference.kdStep().steps());
            node.set("teacher-forward-ms", number(reference.teacherForward().medianMilliseconds()));
            node.set("student-cross-entropy-step-ms", number(reference.crossEntropyStep().medianMilliseconds()));
            node.set("kd-step-ms", number(reference.kdStep().medianMilliseconds()));
            ObjectNode phases = node.putObject("kd-step-phases-ms");
            PhaseRecorder.PHASES.forEach(phase -> phases.set(phase, number(reference.kdPhases().get(phase))));
        }
        ArrayNode familyNodes = root.putArray("families");
        for (FamilyResult family : families) {
            ObjectNode node = familyNodes.addObject();
            node.put("name", family.name());
            node.put("input", family.input());
            node.put("batch", family.batch());
            node.put("parameters", family.parameters());
            node.put("warmup", family.training().warmup());
            node.put("steps", family.training().steps());
            node.set("training-step-ms", number(family.training().medianMilliseconds()));
            node.set("training-images-per-second", number(family.trainingImagesPerSecond()));
            node.set("inference-ms", number(family.inference().medianMilliseconds()));
            node.set("inference-images-per-second", number(family.inferenceImagesPerSecond()));
        }
        ObjectNode memoryNode = root.putObject("memory");
        memoryNode.set("peak-resident-mb", number(finalMemory.peakResidentMegabytes()));
        memoryNode.put("steps", memory == null ? 0 : memory.steps());
        if (memory != null) {
            memoryNode.put("workload", memory.workload());
            memoryNode.put("verdict", memory.verdict());
            memoryNode.set("growth-mb", number(memory.growthMegabytes()));
            ArrayNode checkpoints = memoryNode.putArray("checkpoints");
            for (MemoryGrowth.Checkpoint checkpoint : memory.checkpoints()) {
                ObjectNode point = checkpoints.addObject();
                point.put("step", checkpoint.step());
                point.set("resident-mb", number(checkpoint.memory().residentMegabytes()));
                point.set("heap-used-mb", number(checkpoint.memory().heapUsedMegabytes()));
                point.set("workspaces-mb", number(checkpoint.memory().workspaceMegabytes()));
            }
        }
        return root;
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static JsonNode number(Double value) {
        return value == null || !Double.isFinite(value) ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.numberNode(Math.round(value * 1000) / 1000.0);
    }
}
