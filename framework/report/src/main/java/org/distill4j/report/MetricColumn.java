package org.distill4j.report;

import org.distill4j.api.Parameter;

import java.util.Objects;

/**
 * One column of a table whose columns are metrics of the same runs (Recall@1, Recall@4 and mAP of a retrieval
 * table) rather than values of a descriptor parameter.
 *
 * @param label  the column header
 * @param metric the dotted path into each run's metrics.json (or provenance.json) that fills the column
 */
public record MetricColumn(
        @Parameter(description = "the column header, e.g. R@1") String label,
        @Parameter(description = "a dotted path into each run's metrics.json, e.g. retrieval.test.recall-at-1")
        MetricPath metric) {

    public MetricColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(metric, "metric");
    }
}
