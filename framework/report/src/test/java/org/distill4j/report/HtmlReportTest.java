package org.distill4j.report;

import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One page that can be mailed or archived on its own: tables, plots inside it, and where every value came from. */
class HtmlReportTest {

    private static final Pattern IMAGE = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path directory;

    @Test
    void thePageIsSelfContained() throws IOException {
        TestProject project = TableOutputsTest.projectWithRuns(directory);
        Path page = project.root.resolve("docs/report.html");

        new HtmlReport(project.root).write(tables(project), page);

        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html).doesNotContain("http:", "https:", "<script", "<link", "url(", "@import");
        assertThat(html.split("src=\"", -1)).hasSize(1 + 3);
        List<byte[]> images = images(html);
        assertThat(images).hasSize(3);
        for (byte[] png : images) {
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(ChartStyle.WIDTH);
        }
    }

    @Test
    void thePageShowsTheTablesAndEveryRunsProvenance() throws IOException {
        TestProject project = TableOutputsTest.projectWithRuns(directory);
        Path page = project.root.resolve("docs/report.html");
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);

        new HtmlReport(project.root).write(tables(project), page);

        String html = Files.readString(page);
        assertThat(html).contains(
                "<h2>Demo: test accuracy (%)</h2>", "<h2>Demo: KD by temperature</h2>",
                "<td class=\"complete\">92.0 ± 1.4 (n=2)</td>",
                "<td class=\"missing\">— (missing)</td>",
                "<td class=\"stale\">— (stale: 2 runs of an older descriptor)</td>",
                "<td class=\"partial\">87.00 (n=1 of 2)</td>",
                "<td class=\"paper\">99.3 (67 errors)</td>",
                "Regenerate with <code>scripts/distill4j report experiments/demo/tables/demo.yaml"
                        + " experiments/demo/tables/temperature.yaml --results results --output docs/report.html</code>");
        for (long seed : List.of(1L, 2L)) {
            assertThat(html).contains("<td>" + seed + "</td><td>" + teacher.hash12() + "</td><td>"
                    + FakeRuns.COMMIT.substring(0, 12) + "</td><td>CPU / linux-x86_64-onednn-avx2</td><td>12.5</td>"
                    + "<td>embedded:synthetic <span title=\"SHA-256\">abababababab</span></td><td>demo/teacher/"
                    + teacher.hash12() + "/seed-" + seed + "</td></tr>");
        }
        assertThat(html).contains("older descriptor, not used", "no finished run (missing)");
    }

    @Test
    void theSameTablesGiveTheSamePage() throws IOException {
        TestProject project = TableOutputsTest.projectWithRuns(directory);
        Path page = project.root.resolve("docs/report.html");
        HtmlReport report = new HtmlReport(project.root);

        report.write(tables(project), page);
        byte[] first = Files.readAllBytes(page);
        report.write(tables(project), page);

        assertThat(Files.readAllBytes(page)).isEqualTo(first);
    }

    @Test
    void textFromSpecsIsEscaped() throws IOException {
        TestProject project = TestProject.create(directory);
        Path spec = project.spec("demo.yaml", DemoSpecs.ROWS.replace("label: Student", "label: \"<b>Student</b> & co\""));
        Path page = project.root.resolve("report.html");

        new HtmlReport(project.root).write(List.of(project.build(spec, null)), page);

        assertThat(Files.readString(page)).contains("<th>&lt;b&gt;Student&lt;/b&gt; &amp; co</th>")
                .doesNotContain("<b>Student</b>");
    }

    private static List<Table> tables(TestProject project) {
        return List.of(project.build(project.spec("demo.yaml", DemoSpecs.ROWS), null),
                project.build(project.spec("temperature.yaml", DemoSpecs.COLUMNS), null));
    }

    private static List<byte[]> images(String html) {
        List<byte[]> images = new ArrayList<>();
        Matcher matcher = IMAGE.matcher(html);
        while (matcher.find()) {
            images.add(Base64.getDecoder().decode(matcher.group(1)));
        }
        return images;
    }
}
