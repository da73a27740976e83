package org.distill4j.api;

import org.distill4j.api.network.NetworkSpec;

import java.util.Objects;
import java.util.Optional;

/**
 * A student architecture a derived {@link ModelFamily} designed from a trained network, with what the run records
 * about the design.
 *
 * @param spec    the designed architecture
 * @param details facts the design rule matched, for the {@code student-source} section of {@code metrics.json}
 *                (deterministic values only: counts, not times): a record of the family's, whose components are
 *                written beside the source run's identity in kebab-case; empty when there is nothing to add
 * @param summary those facts in a few words for the console (e.g. "1,234 weights for the source's 1,250 non-zero"),
 *                or empty
 */
public record StudentDesign(NetworkSpec spec, Optional<Record> details, String summary) {

    public StudentDesign {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(summary, "summary");
    }
}
