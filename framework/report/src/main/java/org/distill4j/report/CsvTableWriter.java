package org.distill4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table as CSV ({@code <table>.csv}), one line per cell: row, column, value, deviation, n, expected-n, status,
 * older-runs, paper. Numbers are written with the column's format (a metric column's own, else the table's), as
 * the table shows them; a table with a baseline row adds difference, difference-ci95 (the 95% interval's
 * half-width) and pairs. A cell whose runs do not record its metric column's metric has an empty value. A fixed row's
 * one cell has the column {@code (all)}, a table without columns an empty column. RFC 4180 quoting, '\n' line ends.
 */
final class CsvTableWriter {

    static final String FIXED_ROW_COLUMN = "(all)";

    static String render(Table table) {
        StringBuilder text = new StringBuilder();
        boolean baseline = table.definition().baselineRow().isPresent();
        List<String> header = new ArrayList<>(List.of("row", "column", "value", "deviation", "n", "expected-n",
                "status", "older-runs", "paper"));
        if (baseline) {
            header.addAll(List.of("difference", "difference-ci95", "pairs"));
        }
        text.append(line(header));
        for (TableRow row : table.rows()) {
            for (Cell cell : row.cells()) {
                CellText shown = CellText.of(cell, table.definition());
                String column = row.fixed() ? FIXED_ROW_COLUMN : cell.column();
                List<String> fields = new ArrayList<>(List.of(row.label(), column, shown.value(), shown.deviation(),
                        Integer.toString(cell.runs().size()), Integer.toString(cell.seeds().size()),
                        cell.status().text(), Integer.toString(cell.olderRuns().size()), row.paper().orElse("")));
                if (baseline) {
                    ValueFormat format = table.definition().format(cell.plan().column());
                    Optional<PairedDifference> difference = table.difference(cell);
                    fields.add(difference.map(paired -> format.format(paired.mean())).orElse(""));
                    fields.add(difference.flatMap(paired -> paired.halfWidth().isPresent()
                            ? Optional.of(format.format(paired.halfWidth().getAsDouble())) : Optional.empty())
                            .orElse(""));
                    fields.add(difference.map(paired -> Integer.toString(paired.pairs())).orElse(""));
                }
                text.append(line(fields));
            }
        }
        return text.toString();
    }

    private static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            line.append(i == 0 ? "" : ",").append(quoted(fields.get(i)));
        }
        return line.append("\n").toString();
    }

    private static String quoted(String field) {
        boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private CsvTableWriter() {
    }
}
