package org.distill4j.cli;

import jakarta.inject.Inject;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.report.HtmlReport;
import org.distill4j.report.TableBatch;
import org.distill4j.report.TableSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Writes one self-contained HTML page: every table, its plots and the provenance of every run behind it. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML page (no scripts, no external resources; plots embedded) with"
                + " every table of the given specs, their plots and the provenance of each run. Trains nothing; cells"
                + " are read and marked as by distill4j tables.",
                "Exit status: 0 when the page was written, 2 when a table spec or one of its descriptors is invalid"
                        + " (nothing is written)."})
public final class ReportCommand implements Callable<Integer> {

    static final String PUBLISHED_PROFILE = "full";
    /** The name of the outputs of descriptors read without a profile. */
    static final String AS_WRITTEN = "as-written";

    @Mixin
    private TableSelection selection;

    @Inject
    private DescriptorParser parser;

    @Option(names = "--output", paramLabel = "FILE", description = "the page to write (default: docs/report.html for"
            + " the full profile, docs/report-<profile>.html for another, docs/report-as-written.html without one)")
    private Path output;

    @Override
    public Integer call() {
        TableSelection.Selected selected = selection.build(parser);
        Path projectRoot = selected.projectRoot();
        TableBatch batch = selected.batch();
        if (!batch.isValid()) {
            batch.problemLines(Path.of("")).forEach(System.out::println);
            System.out.println("no report was written: fix the table specs above");
            return 2;
        }
        Path page = output == null ? defaultOutput(selection.profile()) : output;
        new HtmlReport(projectRoot).write(batch.tables(), page);
        batch.tables().forEach(table -> System.out.println(TableSummary.counts(table)));
        System.out.println("wrote " + page + ": " + TableSummary.total(batch.tables()));
        return 0;
    }

    /**
     * {@code docs/report.html} for the published (full) profile, {@code docs/report-<profile>.html} for another and
     * {@code docs/report-as-written.html} without one: a casual call never overwrites the published page.
     */
    static Path defaultOutput(Optional<String> profile) {
        String chosen = profile.orElse(AS_WRITTEN);
        return Path.of("docs", chosen.equals(PUBLISHED_PROFILE) ? "report.html" : "report-" + chosen + ".html");
    }
}
