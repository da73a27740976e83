package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.run.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A table's files: what they say, and that the same table and results always give the same bytes. */
class TableOutputsTest {

    @TempDir
    Path directory;

    @Test
    void everyFormatShowsValuesWithNAndMarksMissingAndStaleCells() throws IOException {
        TestProject project = projectWithRuns(directory);
        Path output = project.root.resolve("docs/tables");

        List<Path> written = new TableOutputs(project.root).write(project.build(project.spec("demo.yaml", DemoSpecs.ROWS),
                null), output);

        assertThat(written).extracting(path -> path.getFileName().toString()).containsExactly("demo.md", "demo.csv",
                "demo.tex", "demo.provenance.json", "demo-1-epochs.png");
        assertThat(Files.readString(output.resolve("demo.md"))).contains(
                "## Demo: test accuracy (%)\n",
                "| | test-accuracy | paper (reported) |\n",
                "| Teacher | 92.0 ± 1.4 (n=2) | 99.3 (67 errors) |\n",
                "| Student | — (missing) | |\n",
                "| KD | — (stale: 2 runs of an older descriptor) | 98.9 |\n",
                "Synthetic data; compare rows, not levels.\n",
                "- stale: runs exist for an older version of this descriptor",
                "- paper (reported): the value published in the paper, copied from it, not measured here.",
                "Regenerate with `scripts/distill4j tables experiments/demo/tables/demo.yaml --results results"
                        + " --output docs/tables`.",
                "![Accuracy per epoch](demo-1-epochs.png)");
        assertThat(Files.readString(output.resolve("demo.csv"))).isEqualTo("""
                row,column,value,deviation,n,expected-n,status,older-runs,paper
                Teacher,,92.0,1.4,2,2,complete,0,99.3 (67 errors)
                Student,,,,0,2,missing,0,
                KD,,,,0,2,stale,2,98.9
                """);
        assertThat(Files.readString(output.resolve("demo.tex"))).contains(
                "\\caption{Demo: test accuracy (\\%)}",
                "\\begin{tabular}{lcc}",
                "    Teacher & 92.0 $\\pm$ 1.4\\,{\\scriptsize(n=2)} & 99.3 (67 errors) \\\\\n",
                "    Student & ---\\,{\\scriptsize(missing)} &  \\\\\n",
                "    KD & ---\\,{\\scriptsize(stale: 2 runs of an older descriptor)} & 98.9 \\\\\n");
    }

    @Test
    void theProvenanceFileNamesEveryRunBehindEveryCell() {
        TestProject project = projectWithRuns(directory);
        Path output = project.root.resolve("docs/tables");
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);

        new TableOutputs(project.root).write(project.build(project.spec("demo.yaml", DemoSpecs.ROWS), null), output);

        JsonNode provenance = Json.read(output.resolve("demo.provenance.json"));
        assertThat(provenance.path("spec").asText()).isEqualTo("experiments/demo/tables/demo.yaml");
        assertThat(provenance.path("results").asText()).isEqualTo("results");
        JsonNode teacherCell = provenance.path("cells").get(0);
        assertThat(teacherCell.path("descriptor").asText()).isEqualTo("experiments/demo/teacher.yaml");
        assertThat(teacherCell.path("hash").asText()).isEqualTo(teacher.hash());
        assertThat(teacherCell.path("status").asText()).isEqualTo("complete");
        JsonNode run = teacherCell.path("runs").get(1);
        assertThat(run.path("directory").asText()).isEqualTo("demo/teacher/" + teacher.hash12() + "/seed-2");
        assertThat(run.path("seed").asLong()).isEqualTo(2);
        assertThat(run.path("git").path("commit").asText()).isEqualTo(FakeRuns.COMMIT);
        assertThat(run.path("nd4j-backend").asText()).isEqualTo("CPU");
        assertThat(run.path("native-classifier").asText()).isEqualTo("linux-x86_64-onednn-avx2");
        JsonNode kdCell = provenance.path("cells").get(2);
        assertThat(kdCell.path("status").asText()).isEqualTo("stale");
        assertThat(kdCell.path("runs")).isEmpty();
        assertThat(kdCell.path("older-runs")).hasSize(2);
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        TestProject project = projectWithRuns(directory);
        Path output = project.root.resolve("docs/tables");
        TableOutputs outputs = new TableOutputs(project.root);
        Path rows = project.spec("demo.yaml", DemoSpecs.ROWS);
        Path columns = project.spec("temperature.yaml", DemoSpecs.COLUMNS);

        outputs.write(project.build(rows, null), output);
        outputs.write(project.build(columns, null), output);
        Map<String, byte[]> first = contents(output);
        outputs.write(project.build(rows, null), output);
        outputs.write(project.build(columns, null), output);

        assertThat(first).hasSize(11);
        assertThat(contents(output)).containsOnlyKeys(first.keySet()).allSatisfy((name, bytes) ->
                assertThat(bytes).as(name).isEqualTo(first.get(name)));
    }

    @Test
    void theFilesDoNotDependOnWhereTheCheckoutIs() throws IOException {
        TestProject here = projectWithRuns(directory.resolve("here/checkout"));
        TestProject there = projectWithRuns(directory.resolve("somewhere/else entirely/checkout"));

        Map<String, byte[]> fromHere = writeBoth(here);
        Map<String, byte[]> fromThere = writeBoth(there);

        assertThat(fromHere).hasSize(11);
        assertThat(fromThere).containsOnlyKeys(fromHere.keySet()).allSatisfy((name, bytes) ->
                assertThat(bytes).as(name).isEqualTo(fromHere.get(name)));
        fromHere.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                .doesNotContain(directory.toString()));
    }

    @Test
    void theMarkdownPrintedIsTheMarkdownWritten() throws IOException {
        TestProject project = projectWithRuns(directory);
        Path output = project.root.resolve("docs/tables");
        TableOutputs outputs = new TableOutputs(project.root);
        Table table = project.build(project.spec("demo.yaml", DemoSpecs.ROWS), null);

        outputs.write(table, output);

        assertThat(outputs.markdown(table, output)).isEqualTo(Files.readString(output.resolve("demo.md")));
    }

    private static Map<String, byte[]> writeBoth(TestProject project) throws IOException {
        Path output = project.root.resolve("docs/tables");
        TableOutputs outputs = new TableOutputs(project.root);
        outputs.write(project.build(project.spec("demo.yaml", DemoSpecs.ROWS), null), output);
        outputs.write(project.build(project.spec("temperature.yaml", DemoSpecs.COLUMNS), null), output);
        return contents(output);
    }

    /**
     * A project whose teacher has both runs, whose student has none, and whose KD descriptor was edited after both
     * of its runs finished; KD at T=2 has one run of two since the edit.
     */
    static TestProject projectWithRuns(Path root) {
        TestProject project = TestProject.create(root);
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91);
        project.finished(teacher, 2, 0.93);
        ResolvedExperiment kd = project.resolve("kd.yaml", null);
        project.finished(kd, 1, 0.88);
        project.finished(kd, 2, 0.89);
        project.descriptor("kd.yaml", TestProject.KD.replace("alpha: 0.9", "alpha: 0.5"));
        project.finished(project.resolve("kd.yaml", null, TestProject.override("distiller.params.temperature=2")), 1,
                0.87);
        return project;
    }

    static Map<String, byte[]> contents(Path directory) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
