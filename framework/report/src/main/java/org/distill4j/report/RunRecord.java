package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A finished run a cell reads.
 *
 * @param directory  the run's directory relative to the results root, '/'-separated
 *                   ({@code hinton2015/kd-t4/1a2b3c4d5e6f/seed-1})
 * @param seed       the run's seed
 * @param metrics    its {@code metrics.json}; treat as read-only
 * @param provenance     what the table shows of its {@code provenance.json}
 * @param provenanceTree its {@code provenance.json} as read, for {@code provenance.} metric paths (times)
 */
public record RunRecord(String directory, long seed, JsonNode metrics, RunProvenance provenance,
        JsonNode provenanceTree) {

    public RunRecord {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(provenanceTree, "provenanceTree");
    }
}
