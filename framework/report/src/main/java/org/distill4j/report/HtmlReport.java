package org.distill4j.report;

import org.distill4j.kernel.run.AtomicFiles;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page for many tables: each table, its plots embedded as PNG data URIs, and the provenance
 * of every run behind every cell. No scripts, no external resources, nothing time-dependent: the same tables and
 * results give the same page.
 */
public final class HtmlReport {

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1100px;margin:2em auto;"
                    + "padding:0 1em;color:#222;line-height:1.45}",
            "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2.2em;border-bottom:1px solid #ddd;padding-bottom:.2em}",
            "table{border-collapse:collapse;margin:.8em 0;font-size:.92em}",
            "th,td{border-bottom:1px solid #e3e3e3;padding:.3em .7em;text-align:left;vertical-align:top}",
            "thead th{border-bottom:2px solid #999}",
            "td.missing,td.stale{color:#b00020}td.partial{color:#9a6700}td.paper{color:#555;font-style:italic}",
            "table.provenance{font-size:.8em}table.provenance td{font-family:ui-monospace,Menlo,Consolas,monospace}",
            "code{background:#f4f4f4;padding:.1em .3em;border-radius:3px;font-size:.9em}",
            ".legend{font-size:.85em;color:#555}.notes{white-space:pre-line}",
            "figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}",
            "figcaption{font-size:.85em;color:#555}");

    private final Path projectRoot;
    private final PlotRenderer plots = new PlotRenderer();

    /** @param projectRoot the directory paths in the page are relative to (the repository root) */
    public HtmlReport(Path projectRoot) {
        this.projectRoot = Objects.requireNonNull(projectRoot, "projectRoot").toAbsolutePath().normalize();
    }

    /** Writes the page atomically. */
    public void write(List<Table> tables, Path output) {
        AtomicFiles.write(output, render(tables, output));
    }

    /** The page, as {@link #write} writes it to {@code output} (the path appears in its regenerate command). */
    public String render(List<Table> tables, Path output) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Distill4J results</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n");
        page.append("<h1>Distill4J results</h1>\n");
        String command = RegenerateCommand.report(tables, Paths.relative(projectRoot, output));
        String profile = tables.isEmpty() ? "" : tables.get(0).profile();
        page.append("<p>").append(profile.isEmpty() ? "Profile: none (the descriptors as written)."
                : "Profile: <code>" + Html.escape(profile) + "</code>.")
                .append(" Regenerate with <code>").append(Html.escape(command)).append("</code>.</p>\n");
        page.append("<ul>\n");
        for (Table table : tables) {
            page.append("<li><a href=\"#").append(anchor(table)).append("\">").append(Html.escape(table.definition().title()))
                    .append("</a> — ").append(Html.escape(TableSummary.counts(table))).append("</li>\n");
        }
        page.append("</ul>\n");
        for (Table table : tables) {
            section(page, table);
        }
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private void section(StringBuilder page, Table table) {
        page.append("<section id=\"").append(anchor(table)).append("\">\n");
        page.append("<h2>").append(Html.escape(table.definition().title())).append("</h2>\n");
        table(page, table);
        if (!table.definition().notes().isBlank()) {
            page.append("<p class=\"notes\">").append(Html.escape(table.definition().notes().strip())).append("</p>\n");
        }
        page.append("<ul class=\"legend\">\n");
        for (String line : TableLegend.lines(table)) {
            page.append("<li>").append(Html.escape(line)).append("</li>\n");
        }
        page.append("<li>Spec <code>").append(Html.escape(table.specPath())).append("</code>, results <code>")
                .append(Html.escape(table.resultsPath())).append("</code>.</li>\n</ul>\n");
        for (RenderedPlot plot : plots.render(table)) {
            page.append("<figure><img alt=\"").append(Html.escape(plot.title())).append("\" width=\"")
                    .append(ChartStyle.WIDTH).append("\" height=\"").append(ChartStyle.HEIGHT)
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(plot.png()))
                    .append("\"><figcaption>").append(Html.escape(plot.title())).append("</figcaption></figure>\n");
        }
        provenance(page, table);
        page.append("</section>\n");
    }

    private static void table(StringBuilder page, Table table) {
        page.append("<table>\n<thead><tr><th></th>");
        for (int column = 0; column < table.valueColumnCount(); column++) {
            page.append("<th>").append(Html.escape(table.valueColumnHeader(column))).append("</th>");
        }
        if (table.hasPaperColumn()) {
            page.append("<th>").append(Html.escape(MarkdownTableWriter.PAPER_HEADER)).append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        for (TableRow row : table.rows()) {
            page.append("<tr><th>").append(Html.escape(row.label())).append("</th>");
            for (int column = 0; column < table.valueColumnCount(); column++) {
                Cell cell = row.cellInColumn(column);
                page.append("<td class=\"").append(cell.status().text()).append("\">")
                        .append(Html.escape(CellText.of(cell, table).plain())).append("</td>");
            }
            if (table.hasPaperColumn()) {
                page.append("<td class=\"paper\">").append(Html.escape(row.paper().orElse(""))).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    private static void provenance(StringBuilder page, Table table) {
        page.append("<details><summary>Provenance of every run (").append(table.cells().stream()
                .mapToInt(cell -> cell.runs().size()).sum()).append(" runs)</summary>\n");
        page.append("<table class=\"provenance\">\n<thead><tr><th>cell</th><th>experiment</th><th>seed</th><th>hash</th>"
                + "<th>commit</th><th>backend</th><th>seconds</th><th>data files</th><th>directory</th></tr></thead>\n"
                + "<tbody>\n");
        for (Cell cell : table.cells()) {
            String where = Html.escape(cell.row() + (cell.column().isEmpty() ? "" : ", " + cell.column()));
            if (cell.runs().isEmpty()) {
                page.append("<tr><td>").append(where).append("</td><td>").append(Html.escape(cell.experiment()))
                        .append("</td><td></td><td>").append(cell.hash12()).append("</td><td colspan=\"5\">")
                        .append("no finished run (").append(cell.status().text()).append(")</td></tr>\n");
            }
            for (RunRecord run : cell.runs()) {
                RunProvenance provenance = run.provenance();
                page.append("<tr><td>").append(where).append("</td><td>").append(Html.escape(cell.experiment()))
                        .append("</td><td>").append(run.seed()).append("</td><td>").append(cell.hash12())
                        .append("</td><td>").append(Html.escape(shortCommit(provenance.commit())))
                        .append(provenance.dirty() ? " (dirty)" : "").append("</td><td>")
                        .append(Html.escape(provenance.backend() + " / " + provenance.nativeClassifier()))
                        .append("</td><td>").append(Double.isNaN(provenance.seconds()) ? ""
                                : String.format(Locale.ROOT, "%.1f", provenance.seconds()))
                        .append("</td><td>").append(provenance.dataFiles().stream()
                                .map(file -> Html.escape(file.location()) + " <span title=\"SHA-256\">"
                                        + Html.escape(shortHash(file.sha256())) + "</span>")
                                .collect(Collectors.joining("<br>")))
                        .append("</td><td>").append(Html.escape(run.directory())).append("</td></tr>\n");
            }
            for (StaleRun older : cell.olderRuns()) {
                page.append("<tr><td>").append(where).append("</td><td>").append(Html.escape(cell.experiment()))
                        .append("</td><td>").append(older.seed()).append("</td><td>")
                        .append(Html.escape(shortHash(older.hash()))).append("</td><td colspan=\"4\">")
                        .append("older descriptor, not used").append("</td><td>").append(Html.escape(older.directory()))
                        .append("</td></tr>\n");
            }
        }
        page.append("</tbody>\n</table>\n</details>\n");
    }

    private static String anchor(Table table) {
        return "table-" + table.fileBaseName();
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
