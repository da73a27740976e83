package org.distill4j.cli.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference workloads' timings (docs/design.md §3, issue 2) and where the KD step's time goes.
 *
 * @param kdPhases median milliseconds per phase of the KD step, keyed as {@link PhaseRecorder#PHASES}
 */
record ReferenceResults(int batch, Timing teacherForward, Timing crossEntropyStep, Timing kdStep,
        Map<String, Double> kdPhases) {

    ReferenceResults {
        kdPhases = Collections.unmodifiableMap(new LinkedHashMap<>(kdPhases));
    }
}
