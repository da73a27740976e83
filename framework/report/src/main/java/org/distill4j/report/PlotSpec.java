package org.distill4j.report;

import org.distill4j.api.Parameter;

import java.util.Objects;
import java.util.Optional;

/**
 * A plot drawn beside a table.
 *
 * @param type   what is plotted
 * @param metric for {@code epochs}, a key of {@code history} in metrics.json; for {@code parameter}, a path into
 *               metrics.json; null to use the table's metric
 * @param title  the plot's title; empty to use the table's title
 */
public record PlotSpec(
        @Parameter(description = "epochs (a history metric per epoch) or parameter (the metric vs the column value)")
        PlotType type,
        @Parameter(description = "the metric to plot (default: the table's metric)", defaultValue = Parameter.ABSENT)
        MetricPath metric,
        @Parameter(description = "the plot's title (default: the table's title)", defaultValue = "''")
        String title) {

    public PlotSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
    }

    public Optional<MetricPath> ownMetric() {
        return Optional.ofNullable(metric);
    }
}
