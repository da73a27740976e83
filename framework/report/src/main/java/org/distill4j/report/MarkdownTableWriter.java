package org.distill4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as Markdown ({@code <table>.md}): the title, the table, the notes, the legend, the profile and the command
 * that regenerates it, and links to its plots. Nothing in it depends on the time or on where the checkout is.
 */
final class MarkdownTableWriter {

    static final String PAPER_HEADER = "paper (reported)";

    static String render(Table table, String regenerateCommand, List<RenderedPlot> plots) {
        StringBuilder text = new StringBuilder();
        text.append("## ").append(inline(table.definition().title())).append("\n\n");
        List<String> header = new ArrayList<>();
        header.add("");
        for (int column = 0; column < table.valueColumnCount(); column++) {
            header.add(table.valueColumnHeader(column));
        }
        if (table.hasPaperColumn()) {
            header.add(PAPER_HEADER);
        }
        text.append(row(header));
        text.append("|").append("---|".repeat(header.size())).append("\n");
        for (TableRow row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            for (int column = 0; column < table.valueColumnCount(); column++) {
                cells.add(CellText.of(row.cellInColumn(column), table).plain());
            }
            if (table.hasPaperColumn()) {
                cells.add(row.paper().orElse(""));
            }
            text.append(row(cells));
        }
        text.append("\n");
        if (!table.definition().notes().isBlank()) {
            text.append(table.definition().notes().strip()).append("\n\n");
        }
        for (String line : TableLegend.lines(table)) {
            text.append("- ").append(line).append("\n");
        }
        text.append("\n").append(table.profile().isEmpty()
                ? "Profile: none (the descriptors as written)."
                : "Profile: `" + table.profile() + "`.");
        text.append(" Regenerate with `").append(regenerateCommand).append("`.\n");
        for (RenderedPlot plot : plots) {
            text.append("\n![").append(inline(plot.title())).append("](").append(plot.fileName()).append(")\n");
        }
        return text.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(cell.isEmpty() ? " " : " " + inline(cell).replace("|", "\\|") + " ").append("|");
        }
        return line.append("\n").toString();
    }

    // A cell or heading is one line.
    private static String inline(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private MarkdownTableWriter() {
    }
}
