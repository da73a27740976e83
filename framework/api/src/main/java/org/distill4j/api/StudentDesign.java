package org.distill4j.api;

import org.distill4j.api.network.NetworkSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A student architecture a derived {@link ModelFamily} designed from a trained network, with what the run records
 * about the design.
 *
 * @param spec    the designed architecture
 * @param details facts the design rule matched, for the {@code student-source} section of {@code metrics.json}
 *                (deterministic values only: counts, not times), in the order they are written
 * @param summary those facts in a few words for the console (e.g. "1,234 weights for the source's 1,250 non-zero"),
 *                or empty
 */
public record StudentDesign(NetworkSpec spec, Map<String, Object> details, String summary) {

    public StudentDesign {
        Objects.requireNonNull(spec, "spec");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Objects.requireNonNull(summary, "summary");
    }
}
