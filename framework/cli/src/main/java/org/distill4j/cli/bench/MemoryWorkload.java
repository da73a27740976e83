package org.distill4j.cli.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The reference workload the memory check repeats. The KD step is the default (it is what a distillation run does);
 * the other two tell which part of it holds on to memory when resident memory grows.
 */
public enum MemoryWorkload {
    KD_STEP("kd-step"),
    STUDENT_CROSS_ENTROPY_STEP("student-cross-entropy-step"),
    TEACHER_FORWARD("teacher-forward");

    private final String key;

    MemoryWorkload(String key) {
        this.key = key;
    }

    /** The name on the command line and in the JSON, as the reference workloads' JSON keys spell it. */
    public String key() {
        return key;
    }

    public static MemoryWorkload parse(String name) {
        return Arrays.stream(values()).filter(workload -> workload.key.equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown memory workload '" + name
                        + "'; choose one of " + Arrays.stream(values()).map(MemoryWorkload::key).toList()));
    }
}
