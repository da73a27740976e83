package org.distill4j.report;

import org.distill4j.kernel.run.AtomicFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a table's files into an output directory, each atomically: {@code <table>.md}, {@code <table>.csv},
 * {@code <table>.tex}, {@code <table>.provenance.json} and one PNG per plot. The same table and results give the
 * same bytes: nothing depends on the time, the locale or where the checkout is.
 */
public final class TableOutputs {

    private final Path projectRoot;
    private final PlotRenderer plots;

    /** @param projectRoot the directory paths in the outputs are relative to (the repository root) */
    public TableOutputs(Path projectRoot) {
        this.projectRoot = Objects.requireNonNull(projectRoot, "projectRoot").toAbsolutePath().normalize();
        this.plots = new PlotRenderer();
    }

    /** Writes every file of the table and returns them: Markdown, CSV, LaTeX, provenance, then the plots. */
    public List<Path> write(Table table, Path outputDirectory) {
        String command = RegenerateCommand.tables(table, Paths.relative(projectRoot, outputDirectory));
        List<RenderedPlot> rendered = plots.render(table);
        String base = table.fileBaseName();
        List<Path> written = new ArrayList<>();
        written.add(write(outputDirectory.resolve(base + ".md"), MarkdownTableWriter.render(table, command, rendered)));
        written.add(write(outputDirectory.resolve(base + ".csv"), CsvTableWriter.render(table)));
        written.add(write(outputDirectory.resolve(base + ".tex"), LatexTableWriter.render(table, command)));
        written.add(write(outputDirectory.resolve(base + ".provenance.json"), ProvenanceWriter.render(table)));
        for (RenderedPlot plot : rendered) {
            Path file = outputDirectory.resolve(plot.fileName());
            AtomicFiles.write(file, plot.png());
            written.add(file);
        }
        return List.copyOf(written);
    }

    /** The Markdown of a table as {@link #write} writes it into that directory (for printing). */
    public String markdown(Table table, Path outputDirectory) {
        String command = RegenerateCommand.tables(table, Paths.relative(projectRoot, outputDirectory));
        return MarkdownTableWriter.render(table, command, plots.render(table));
    }

    private static Path write(Path file, String content) {
        AtomicFiles.write(file, content);
        return file;
    }
}
