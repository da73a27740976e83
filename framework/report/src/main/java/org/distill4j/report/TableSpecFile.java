package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.descriptor.DescriptorOverride;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A valid table spec and the file it came from: the cells it needs and the experiments that fill them.
 *
 * @param source the spec file, absolute and normalised
 * @param spec   the bound spec; row descriptors are absolute paths
 */
public record TableSpecFile(Path source, TableSpec spec) {

    public TableSpecFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * Every cell, row by row: a row without columns or a fixed row has one cell; any other row has one per column
     * value, its descriptor with the row's (or the columns') parameter set to that value.
     */
    public List<CellPlan> cellPlans() {
        List<CellPlan> plans = new ArrayList<>();
        for (int row = 0; row < spec.rows().size(); row++) {
            RowSpec rowSpec = spec.rows().get(row);
            Path descriptor = Path.of(rowSpec.experiment());
            if (!spec.metricColumns().isEmpty()) {
                // Every metric column reads the same runs.
                for (int column = 0; column < spec.metricColumns().size(); column++) {
                    plans.add(new CellPlan(row, OptionalInt.of(column), new TableVariant(descriptor, List.of())));
                }
                continue;
            }
            if (spec.columnSpec().isEmpty() || rowSpec.fixed()) {
                plans.add(new CellPlan(row, OptionalInt.empty(), new TableVariant(descriptor, List.of())));
                continue;
            }
            ColumnSpec columns = spec.columnSpec().get();
            String parameter = rowSpec.ownParameter().orElse(columns.parameter());
            for (int column = 0; column < columns.values().size(); column++) {
                JsonNode value = columns.values().get(column);
                plans.add(new CellPlan(row, OptionalInt.of(column),
                        new TableVariant(descriptor, List.of(new DescriptorOverride(parameter, value)))));
            }
        }
        return List.copyOf(plans);
    }

    /** The distinct experiments the table reads, in the order of its cells (a fixed row once). */
    public List<TableVariant> variants() {
        LinkedHashSet<TableVariant> variants = new LinkedHashSet<>();
        cellPlans().forEach(plan -> variants.add(plan.variant()));
        return List.copyOf(variants);
    }

    /** The column headers ({@code T=4}, or a metric column's label), empty for a table without columns. */
    public List<String> columnHeaders() {
        if (!spec.metricColumns().isEmpty()) {
            return spec.metricColumns().stream().map(MetricColumn::label).toList();
        }
        return spec.columnSpec().map(columns -> columns.values().stream().map(columns::header).toList())
                .orElse(List.of());
    }
}
