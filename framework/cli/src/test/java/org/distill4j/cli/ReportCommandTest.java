package org.distill4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code distill4j report} over a tiny project trained for real: one self-contained page, the same page twice. */
class ReportCommandTest {

    private static final Pattern RUN_ROW = Pattern.compile(
            "<tr><td>KD</td><td>test/kd</td><td>(\\d)</td><td>([0-9a-f]{12})</td><td>(unknown|[0-9a-f]{12})( \\(dirty\\))?"
                    + "</td><td>[^<]+ / [^<]+</td><td>[0-9.]+</td><td>[^<]*</td><td>test/kd/\\2/seed-\\1</td></tr>");

    @TempDir
    static Path trained;

    @TempDir
    Path directory;

    @BeforeAll
    static void train() {
        TablesCommandTest.trainedProject(trained);
    }

    @Test
    void writesOneSelfContainedPageWithEveryRunsProvenance() throws IOException {
        Path page = trained.resolve("docs/report.html");

        CommandOutput report = report(trained, trained.resolve("experiments"), "--output", page.toString());

        assertThat(report.exitCode()).as(report.text() + report.errors()).isZero();
        assertThat(report.text()).contains("tiny-student: 3 cells: 2 complete, 1 missing\n",
                "tiny: 2 cells: 2 complete\n", "wrote " + page + ": 2 tables, 5 cells: 4 complete, 1 missing\n");
        String html = Files.readString(page);
        assertThat(html).doesNotContain("http:", "https:", "<script", "<link");
        assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(1 + 2);
        assertThat(html.split("src=\"", -1)).hasSize(1 + 2);
        assertThat(html).contains("<h2>Tiny: test accuracy (%)</h2>", "<td class=\"missing\">— (missing)</td>",
                "Regenerate with <code>scripts/distill4j report experiments/tiny/tables/tiny-student.yaml"
                        + " experiments/tiny/tables/tiny.yaml --results results --output docs/report.html</code>");
        // Both tables list both KD runs, each with its seed, hash, commit, backend, time, data files and directory.
        assertThat(RUN_ROW.matcher(html).results().map(match -> match.group(1))).containsExactly("1", "2", "1", "2");
    }

    @Test
    void theSameResultsGiveTheSamePage() throws IOException {
        Path page = trained.resolve("out/twice.html");

        report(trained, TablesCommandTest.spec(trained, "tiny.yaml"), "--output", page.toString());
        byte[] first = Files.readAllBytes(page);
        report(trained, TablesCommandTest.spec(trained, "tiny.yaml"), "--output", page.toString());

        assertThat(Files.readAllBytes(page)).isEqualTo(first);
    }

    @Test
    void aStaleCellIsMarkedOnThePage() throws IOException {
        TablesCommandTest.copy(trained, directory);
        TinyDescriptors.write(directory.resolve("experiments/tiny"), "kd.yaml",
                TinyDescriptors.KD.replace("alpha: 0.9", "alpha: 0.5"));
        Path page = directory.resolve("report.html");

        CommandOutput report = report(directory, TablesCommandTest.spec(directory, "tiny.yaml"), "--output",
                page.toString());

        assertThat(report.exitCode()).as(report.text() + report.errors()).isZero();
        assertThat(Files.readString(page)).contains("<td class=\"stale\">— (stale: 2 runs of an older descriptor)</td>",
                "older descriptor, not used");
        assertThat(RUN_ROW.matcher(Files.readString(page)).find()).isFalse();
    }

    @Test
    void anInvalidSpecWritesNoPage() {
        TinyDescriptors.write(directory.resolve("experiments/tiny"), "teacher.yaml", TinyDescriptors.TEACHER);
        Path spec = TinyDescriptors.write(directory.resolve("experiments/tiny/tables"), "broken.yaml",
                TablesCommandTest.SPEC.replace("metric: test-accuracy", "metric: Test Accuracy"));
        Path page = directory.resolve("report.html");

        CommandOutput report = report(directory, spec, "--output", page.toString());

        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.text()).contains("broken.yaml: 2 problems", "  - metric: 'Test Accuracy' is not a metric path",
                "  - rows[1].experiment: no descriptor at ", "no report was written");
        assertThat(page).doesNotExist();
    }

    @Test
    void theDefaultPageIsReportHtmlForTheFullProfile() {
        assertThat(ReportCommand.defaultOutput(Optional.of("full"))).isEqualTo(Path.of("docs/report.html"));
        assertThat(ReportCommand.defaultOutput(Optional.empty())).isEqualTo(Path.of("docs/report-as-written.html"));
        assertThat(ReportCommand.defaultOutput(Optional.of("quick"))).isEqualTo(Path.of("docs/report-quick.html"));
    }

    private static CommandOutput report(Path root, Path spec, String... more) {
        String[] arguments = new String[3 + more.length];
        arguments[0] = "report";
        arguments[1] = spec.toString();
        arguments[2] = "--results=" + root.resolve("results");
        System.arraycopy(more, 0, arguments, 3, more.length);
        return CommandOutput.run(arguments);
    }
}
