package org.distill4j.cli.bench;

import org.distill4j.api.network.InputShape;

import java.util.List;
import java.util.Objects;

/**
 * What one benchmark run measures and how long it times each workload.
 *
 * @param reference     whether to run the reference workloads (teacher forward, student CE step, KD step)
 * @param referenceTimer warm-up and timed steps of each reference workload
 * @param families      the model families whose throughput to measure (empty for none)
 * @param inputs        the input shapes each family runs on
 * @param batch         the families' batch size
 * @param familyTimer   warm-up and timed steps of each family's training and of its inference
 * @param memorySteps   steps of the memory-growth check; 0 skips it
 * @param memoryWorkload the reference workload the memory check repeats (the KD step unless told)
 */
public record BenchmarkSettings(boolean reference, StepTimer referenceTimer, List<FamilyWorkload> families,
        List<InputShape> inputs, int batch, StepTimer familyTimer, int memorySteps, MemoryWorkload memoryWorkload) {

    public static final int DEFAULT_BATCH = 128;

    /** The {@code --families} value that skips the model families. */
    public static final String NONE = "none";

    public BenchmarkSettings {
        Objects.requireNonNull(referenceTimer, "referenceTimer");
        Objects.requireNonNull(familyTimer, "familyTimer");
        Objects.requireNonNull(memoryWorkload, "memoryWorkload");
        families = List.copyOf(families);
        inputs = List.copyOf(inputs);
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        if (memorySteps < 0) {
            throw new IllegalArgumentException("--memory-steps must be >= 0 (0 skips the memory check), got "
                    + memorySteps);
        }
        if (!families.isEmpty() && inputs.isEmpty()) {
            throw new IllegalArgumentException("model families need at least one input shape; give --inputs "
                    + BenchInputs.ALL.stream().map(BenchInputs::name).toList());
        }
    }

    /**
     * Settings from the command line's values.
     *
     * @param families family names, or the single word {@code none}
     * @param inputs   input names such as {@code 28x28x1}
     */
    public static BenchmarkSettings of(boolean reference, int warmup, int steps, List<String> families,
            List<String> inputs, int batch, int familyWarmup, int familySteps, int memorySteps,
            double warmupSeconds) {
        boolean none = families.stream().anyMatch(name -> name.trim().equals(NONE));
        if (none && families.size() > 1) {
            throw new IllegalArgumentException("--families " + String.join(",", families) + " mixes '" + NONE
                    + "' with family names; give '" + NONE + "' alone to skip the families, or only names");
        }
        List<FamilyWorkload> chosen = none ? List.of() : FamilyWorkload.named(families);
        return new BenchmarkSettings(reference, new StepTimer(warmup, warmupSeconds, steps), chosen,
                inputs.stream().map(BenchInputs::parse).toList(), batch,
                new StepTimer(familyWarmup, warmupSeconds, familySteps),
                memorySteps, MemoryWorkload.KD_STEP);
    }

    /** The same settings with the memory check repeating another reference workload. */
    public BenchmarkSettings withMemoryWorkload(MemoryWorkload workload) {
        return new BenchmarkSettings(reference, referenceTimer, families, inputs, batch, familyTimer, memorySteps,
                workload);
    }

    /** Every family workload's name, for defaults and help. */
    public static List<String> familyNames() {
        return FamilyWorkload.ALL.stream().map(FamilyWorkload::name).toList();
    }

    /** Every input shape's name, for defaults and help. */
    public static List<String> inputNames() {
        return BenchInputs.ALL.stream().map(BenchInputs::name).toList();
    }
}
