package org.distill4j.report;

import org.distill4j.api.Parameter;

import java.util.Objects;

/**
 * One column of a table whose columns are metrics of the same runs (Recall@1, Recall@4 and mAP of a retrieval
 * table) rather than values of a descriptor parameter. A column may scale and format its numbers its own way, so an
 * accuracy in percent can stand beside a parameter count.
 *
 * @param label  the column header
 * @param metric the dotted path into each run's metrics.json (or provenance.json) that fills the column
 * @param scale  what this column's values are multiplied by; null for the table's scale. Finite and not 0 in a
 *               valid spec (checked with the spec's other rules, so the problem names the column)
 * @param format how this column's numbers are written; null for the table's format
 */
public record MetricColumn(
        @Parameter(description = "the column header, e.g. R@1") String label,
        @Parameter(description = "a dotted path into each run's metrics.json, e.g. retrieval.test.recall-at-1")
        MetricPath metric,
        @Parameter(description = "this column's values are multiplied by this instead of the table's scale; a finite"
                + " number other than 0", defaultValue = Parameter.ABSENT)
        Double scale,
        @Parameter(description = "a java.util.Formatter pattern for this column's numbers (Locale.ROOT) instead of the"
                + " table's format, e.g. '%,.0f'", defaultValue = Parameter.ABSENT)
        ValueFormat format) {

    public MetricColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(metric, "metric");
    }

    /** A column with the table's scale and format. */
    public MetricColumn(String label, MetricPath metric) {
        this(label, metric, null, null);
    }

    /** Whether the column has a scale of its own, rather than the table's. */
    public boolean hasOwnScale() {
        return scale != null;
    }
}
