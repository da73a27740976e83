package org.distill4j.cli;

import jakarta.inject.Inject;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.report.Table;
import org.distill4j.report.TableBatch;
import org.distill4j.report.TableOutputs;
import org.distill4j.report.TableSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Regenerates tables from their specs and the finished runs: trains nothing, reads only DONE runs of each descriptor
 * as it resolves now, and writes Markdown, CSV, LaTeX, per-cell provenance and plots.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Regenerate tables from table specs (experiments/<paper>/tables/*.yaml) and the finished runs"
                + " in the results folder. Trains nothing. Each table's Markdown is printed and written with its CSV,"
                + " LaTeX, provenance (every run behind every cell) and plots (PNG). Cells without every run are marked"
                + " missing, partial or stale (runs of an older version of the descriptor, never mixed in).",
                "Exit status: 0 when the tables were written, 1 with --strict when a cell is not complete or rests on"
                        + " runs of uncommitted code, 2 when a table spec or one of its descriptors is invalid (nothing"
                        + " is written)."})
public final class TablesCommand implements Callable<Integer> {

    @Mixin
    private TableSelection selection;

    @Inject
    private DescriptorParser parser;

    @Option(names = "--output", paramLabel = "FOLDER",
            description = "where the files go (default: docs/tables for the full profile, docs/tables/<profile> for another,"
                    + " docs/tables/as-written without one)")
    private Path output;

    @Option(names = "--strict", description = "exit 1 when any cell is missing, partial, stale or damaged, or rests"
            + " on runs made from uncommitted code")
    private boolean strict;

    @Override
    public Integer call() {
        TableSelection.Selected selected = selection.build(parser);
        Path projectRoot = selected.projectRoot();
        TableBatch batch = selected.batch();
        if (!batch.isValid()) {
            batch.problemLines(Path.of("")).forEach(System.out::println);
            System.out.println("no table was written: fix the table specs above");
            return 2;
        }
        Path folder = output == null ? defaultOutput(selection.profile()) : output;
        TableOutputs outputs = new TableOutputs(projectRoot);
        for (Table table : batch.tables()) {
            List<Path> written = outputs.write(table, folder);
            System.out.print(read(written.get(0)));
            System.out.println();
            System.out.println("wrote " + written.stream().map(file -> file.getFileName().toString())
                    .collect(Collectors.joining(", ")) + " to " + folder);
            TableSummary.incompleteCells(table).forEach(System.out::println);
            System.out.println();
        }
        int incomplete = TableSummary.incompleteCount(batch.tables());
        List<String> dirty = TableSummary.dirtyCells(batch.tables());
        System.out.println(TableSummary.total(batch.tables()));
        if (strict && incomplete > 0) {
            System.out.println("--strict: " + incomplete + (incomplete == 1 ? " cell is" : " cells are")
                    + " not complete; train them (the commands are listed above) and run tables again");
        }
        if (strict && !dirty.isEmpty()) {
            dirty.forEach(System.out::println);
            System.out.println("--strict: " + dirty.size() + (dirty.size() == 1 ? " cell rests" : " cells rest")
                    + " on runs made from uncommitted code (listed above); commit, then run them again from a clean"
                    + " checkout");
        }
        return strict && (incomplete > 0 || !dirty.isEmpty()) ? 1 : 0;
    }

    /**
     * {@code docs/tables} for the published (full) profile, {@code docs/tables/<profile>} for another and
     * {@code docs/tables/as-written} without one, so that only the full profile lands where the published tables are.
     */
    static Path defaultOutput(Optional<String> profile) {
        Path tables = Path.of("docs", "tables");
        String chosen = profile.orElse(ReportCommand.AS_WRITTEN);
        return chosen.equals(ReportCommand.PUBLISHED_PROFILE) ? tables : tables.resolve(chosen);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + file + ": " + FileErrors.describe(e), e);
        }
    }
}
