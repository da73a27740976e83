package org.distill4j.report;

import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.parameters.KebabCase;
import org.distill4j.kernel.run.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where every cell of a table came from ({@code <table>.provenance.json}): its descriptor (relative to the project
 * root), hash and overrides, its values, and for each run the directory (relative to the results root), seed, git
 * commit and dirty flag, ND4J backend and native classifier; older runs of the same variant are listed, unused.
 * When metric columns scale their values differently, each column's metric and scale are listed too; a cell whose
 * runs do not record its column's metric says so ({@code metric-recorded: false}, no values).
 */
final class ProvenanceWriter {

    static String render(Table table) {
        Map<String, Object> root = new LinkedHashMap<>();
        TableSpec spec = table.definition();
        root.put("table", spec.table().value());
        root.put("title", spec.title());
        root.put("spec", table.specPath());
        root.put("profile", table.profile());
        root.put("results", table.resultsPath());
        root.put("metric", spec.metric().text());
        root.put("scale", spec.scale());
        if (spec.hasColumnScales()) {
            // Only when a column's scale differs, so the provenance of every other table keeps its bytes.
            List<Map<String, Object>> columns = new ArrayList<>();
            for (int i = 0; i < spec.metricColumns().size(); i++) {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("label", spec.metricColumns().get(i).label());
                column.put("metric", spec.metric(OptionalInt.of(i)).text());
                column.put("scale", spec.scale(OptionalInt.of(i)));
                columns.add(column);
            }
            root.put("metric-columns", columns);
        }
        root.put("aggregation", KebabCase.of(spec.aggregation()));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (TableRow row : table.rows()) {
            for (Cell cell : row.cells()) {
                cells.add(cell(row, cell));
            }
        }
        root.put("cells", cells);
        return Json.pretty(root);
    }

    private static Map<String, Object> cell(TableRow row, Cell cell) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("row", cell.row());
        entry.put("column", row.fixed() ? CsvTableWriter.FIXED_ROW_COLUMN : cell.column());
        entry.put("descriptor", cell.descriptor());
        entry.put("experiment", cell.experiment());
        entry.put("hash", cell.hash());
        entry.put("overrides", cell.plan().variant().overrides().stream().map(DescriptorOverride::toString).toList());
        entry.put("seeds", cell.seeds());
        entry.put("status", cell.status().text());
        entry.put("values", cell.value().values());
        if (!cell.recorded()) {
            entry.put("metric-recorded", false);
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunRecord run : cell.runs()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("directory", run.directory());
            summary.put("seed", run.seed());
            summary.put("git", Map.of("commit", run.provenance().commit(), "dirty", run.provenance().dirty()));
            summary.put("nd4j-backend", run.provenance().backend());
            summary.put("native-classifier", run.provenance().nativeClassifier());
            runs.add(summary);
        }
        entry.put("runs", runs);
        if (!cell.damaged().isEmpty()) {
            entry.put("damaged", cell.damaged().stream().map(damaged -> Map.of("directory", damaged.directory(),
                    "seed", damaged.seed(), "problem", damaged.problem())).toList());
        }
        List<Map<String, Object>> older = new ArrayList<>();
        for (StaleRun run : cell.olderRuns()) {
            older.add(Map.of("directory", run.directory(), "hash", run.hash(), "seed", run.seed()));
        }
        entry.put("older-runs", older);
        return entry;
    }

    private ProvenanceWriter() {
    }
}
