package org.distill4j.kernel.run;

import org.distill4j.api.TrainingHook;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The student before training, as the make-student stage leaves it.
 *
 * @param spec       its architecture
 * @param weights    the weights it starts from (a compressed teacher), or empty to start from its family's
 *                   initialisation
 * @param training   what every training of the student must do around its updates to keep how it was made
 *                   (unstructured pruning's masks); usually {@link TrainingHook#NONE}
 * @param metrics    the sections this stage adds to {@code metrics.json} (deterministic values only)
 * @param provenance the sections this stage adds to {@code provenance.json} (times, paths, hashes)
 */
record MadeStudent(NetworkSpec spec, Optional<Network> weights, TrainingHook training,
        Map<String, Object> metrics, Map<String, Object> provenance) {

    MadeStudent {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(training, "training");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** A student trained from its family's initialisation, with nothing to record about how it was made. */
    static MadeStudent fromFamily(NetworkSpec spec) {
        return new MadeStudent(spec, Optional.empty(), TrainingHook.NONE, Map.of(), Map.of());
    }
}
