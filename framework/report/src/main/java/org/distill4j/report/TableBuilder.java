package org.distill4j.report;

import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ResolvedExperiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a table from its spec and a results tree. Each cell is the row's descriptor resolved with the profile and
 * the column's override; it reads only the DONE runs of that resolution's hash, for the descriptor's seeds, and
 * finds the runs of older versions of the same variant so they can be reported (never mixed in).
 */
public final class TableBuilder {

    private final TableSpecReader reader;
    private final VariantResolver resolver;
    private final Path projectRoot;

    /**
     * @param parser      parses the row descriptors (from the kernel's injector)
     * @param projectRoot the directory output paths are relative to (the repository root)
     */
    public TableBuilder(DescriptorParser parser, Path projectRoot) {
        this(new TableSpecReader(), new VariantResolver(parser), projectRoot);
    }

    public TableBuilder(TableSpecReader reader, VariantResolver resolver, Path projectRoot) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.projectRoot = Objects.requireNonNull(projectRoot, "projectRoot").toAbsolutePath().normalize();
    }

    /**
     * Reads a spec and builds its table.
     *
     * @throws InvalidTableSpecException when the spec or one of its descriptors (with the profile and the column
     *                                   overrides) has problems; every problem is listed
     * @throws IllegalStateException     when a finished run has no number at the table's metric, or at a metric
     *                                   column's metric that other runs of the same cell record
     */
    public Table build(Path spec, Optional<String> profile, Path resultsRoot) {
        return build(reader.read(spec), profile, resultsRoot);
    }

    public Table build(TableSpecFile spec, Optional<String> profile, Path resultsRoot) {
        Map<TableVariant, ResolvedExperiment> experiments = resolver.resolve(spec, profile);
        ResultsReader results = new ResultsReader(resultsRoot);
        String resultsPath = Paths.relative(projectRoot, resultsRoot);
        TableSpec definition = spec.spec();
        List<String> headers = spec.columnHeaders();
        List<List<Cell>> cellsByRow = new ArrayList<>();
        definition.rows().forEach(row -> cellsByRow.add(new ArrayList<>()));
        for (CellPlan plan : spec.cellPlans()) {
            ResolvedExperiment experiment = experiments.get(plan.variant());
            CurrentRuns current = results.currentRuns(experiment);
            List<RunRecord> runs = current.runs();
            MetricPath metric = definition.metric(plan.column());
            double scale = definition.scale(plan.column());
            // A metric column may name a metric some rows' runs do not have (a student trained alone has no
            // teacher.test-accuracy): when none of the cell's runs records it, the cell is shown empty. The table's
            // own metric, and a metric only some of a cell's runs record, are still errors.
            boolean recorded = !isMetricColumn(definition, plan) || runs.isEmpty()
                    || runs.stream().anyMatch(run -> ResultsReader.records(run, metric));
            List<Double> values = !recorded ? List.of() : runs.stream()
                    .map(run -> ResultsReader.number(run, metric, resultsPath) * scale)
                    .toList();
            String column = plan.column().isPresent() ? headers.get(plan.column().getAsInt()) : "";
            cellsByRow.get(plan.row()).add(new Cell(plan, definition.rows().get(plan.row()).label(), column,
                    Paths.relative(projectRoot, plan.variant().descriptor()), experiment.id(), experiment.hash(),
                    experiment.seeds(), runs, results.olderRuns(experiment), current.damaged(),
                    new CellValue(definition.aggregation(), values), recorded));
        }
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < definition.rows().size(); i++) {
            RowSpec row = definition.rows().get(i);
            rows.add(new TableRow(row.label(), row.paperValue(), row.fixed() && !headers.isEmpty(), cellsByRow.get(i)));
        }
        return new Table(spec, profile.orElse(""), Paths.relative(projectRoot, spec.source()), resultsPath, headers, rows);
    }

    private static boolean isMetricColumn(TableSpec definition, CellPlan plan) {
        return plan.column().isPresent() && !definition.metricColumns().isEmpty();
    }
}
