package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.run.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Metric columns with their own scale and format: a percent beside a parameter count in every output, an empty cell
 * where a row's runs do not record a column's metric, and the problems of a bad scale or format.
 */
class MetricColumnFormatsTest {

    /** Accuracy and the teacher's accuracy in percent with two decimals, the student's weights as a grouped count. */
    static final String FORMATS = """
            table: formats
            title: "Formats per column"
            metric: test-accuracy
            scale: 100
            format: "%.2f"
            rows:
              - {label: Teacher, experiment: ../teacher.yaml}
              - {label: Student, experiment: ../student.yaml}
              - {label: KD, experiment: ../kd.yaml}
            metric-columns:
              - {label: "test accuracy (%)", metric: test-accuracy}
              - {label: "teacher (%)", metric: teacher.test-accuracy}
              - {label: "weights", metric: student.parameters, scale: 1, format: "%,.0f"}
            """;

    @TempDir
    Path directory;

    private TestProject project;
    private Path output;

    @BeforeEach
    void createProject() {
        project = TestProject.create(directory);
        output = project.root.resolve("docs/tables");
    }

    @Test
    void eachColumnScalesAndFormatsItsOwnNumbersInEveryOutput() throws IOException {
        withRuns();
        Table table = project.build(project.spec("formats.yaml", FORMATS), null);

        new TableOutputs(project.root).write(table, output);

        assertThat(Files.readString(output.resolve("formats.md"))).contains(
                "| | test accuracy (%) | teacher (%) | weights |\n",
                "| Teacher | 92.00 ± 1.41 (n=2) | – | 1,234,567 ± 0 (n=2) |\n",
                "| Student | 85.00 (n=1 of 2) | – (n=1 of 2) | 23,456 (n=1 of 2) |\n",
                "| KD | 88.50 ± 0.71 (n=2) | 93.00 ± 1.41 (n=2) | 23,456 ± 0 (n=2) |\n",
                "- Values: per column, test accuracy (%) = test-accuracy × 100, teacher (%) = teacher.test-accuracy × 100,"
                        + " weights = student.parameters; mean ± sample standard deviation over seeds",
                "- –: the cell's runs record no value at its column's metric (here teacher.test-accuracy).\n");
        assertThat(Files.readString(output.resolve("formats.csv"))).isEqualTo("""
                row,column,value,deviation,n,expected-n,status,older-runs,paper
                Teacher,test accuracy (%),92.00,1.41,2,2,complete,0,
                Teacher,teacher (%),,,2,2,complete,0,
                Teacher,weights,"1,234,567",0,2,2,complete,0,
                Student,test accuracy (%),85.00,,1,2,partial,0,
                Student,teacher (%),,,1,2,partial,0,
                Student,weights,"23,456",,1,2,partial,0,
                KD,test accuracy (%),88.50,0.71,2,2,complete,0,
                KD,teacher (%),93.00,1.41,2,2,complete,0,
                KD,weights,"23,456",0,2,2,complete,0,
                """);
        assertThat(Files.readString(output.resolve("formats.tex"))).contains(
                "    & test accuracy (\\%) & teacher (\\%) & weights \\\\\n",
                "    Teacher & 92.00 $\\pm$ 1.41\\,{\\scriptsize(n=2)} & -- & 1,234,567 $\\pm$ 0\\,{\\scriptsize(n=2)}"
                        + " \\\\\n",
                "    Student & 85.00\\,{\\scriptsize(n=1 of 2)} & --\\,{\\scriptsize(n=1 of 2)}"
                        + " & 23,456\\,{\\scriptsize(n=1 of 2)} \\\\\n",
                "    KD & 88.50 $\\pm$ 0.71\\,{\\scriptsize(n=2)} & 93.00 $\\pm$ 1.41\\,{\\scriptsize(n=2)}"
                        + " & 23,456 $\\pm$ 0\\,{\\scriptsize(n=2)} \\\\\n");
        String html = new HtmlReport(project.root).render(List.of(table), project.root.resolve("docs/report.html"));
        assertThat(html).contains(
                "<tr><th>Teacher</th><td class=\"complete\">92.00 ± 1.41 (n=2)</td><td class=\"complete\">–</td>"
                        + "<td class=\"complete\">1,234,567 ± 0 (n=2)</td></tr>",
                "<tr><th>Student</th><td class=\"partial\">85.00 (n=1 of 2)</td><td class=\"partial\">– (n=1 of 2)</td>"
                        + "<td class=\"partial\">23,456 (n=1 of 2)</td></tr>",
                "<li>Values: per column, test accuracy (%) = test-accuracy × 100");
    }

    @Test
    void theProvenanceGivesEachColumnsScaleAndTheCellsThatRecordNoValue() {
        withRuns();

        new TableOutputs(project.root).write(project.build(project.spec("formats.yaml", FORMATS), null), output);

        JsonNode provenance = Json.read(output.resolve("formats.provenance.json"));
        assertThat(provenance.path("scale").asDouble()).isEqualTo(100.0);
        assertThat(provenance.path("metric-columns")).hasSize(3);
        assertThat(provenance.path("metric-columns").get(2).path("label").asText()).isEqualTo("weights");
        assertThat(provenance.path("metric-columns").get(2).path("metric").asText()).isEqualTo("student.parameters");
        assertThat(provenance.path("metric-columns").get(2).path("scale").asDouble()).isEqualTo(1.0);
        assertThat(provenance.path("metric-columns").get(1).path("scale").asDouble()).isEqualTo(100.0);
        JsonNode teacherOfTeacher = provenance.path("cells").get(1);
        assertThat(teacherOfTeacher.path("column").asText()).isEqualTo("teacher (%)");
        assertThat(teacherOfTeacher.path("metric-recorded").asBoolean(true)).isFalse();
        assertThat(teacherOfTeacher.path("values")).isEmpty();
        assertThat(teacherOfTeacher.path("runs")).hasSize(2);
        JsonNode weightsOfTeacher = provenance.path("cells").get(2);
        assertThat(weightsOfTeacher.has("metric-recorded")).isFalse();
        assertThat(weightsOfTeacher.path("values")).extracting(JsonNode::asDouble).containsExactly(1234567.0, 1234567.0);
    }

    @Test
    void aColumnWithoutItsOwnFormatUsesTheTablesAndWithoutItsOwnScaleTheTables() {
        withRuns();
        Path spec = project.spec("seconds.yaml", """
                table: seconds
                title: "Accuracy and time"
                metric: test-accuracy
                scale: 100
                format: "%.1f"
                rows:
                  - {label: Teacher, experiment: ../teacher.yaml}
                metric-columns:
                  - {label: accuracy, metric: test-accuracy}
                  - {label: seconds, metric: provenance.seconds, scale: 1}
                  - {label: precise, metric: test-accuracy, format: "%.3f"}
                """);

        Table table = project.build(spec, null);

        assertThat(shown(table, "accuracy")).isEqualTo("92.0 ± 1.4 (n=2)");
        assertThat(shown(table, "seconds")).isEqualTo("12.5 ± 0.0 (n=2)");
        assertThat(shown(table, "precise")).isEqualTo("92.000 ± 1.414 (n=2)");
        assertThat(TableLegend.valueDescription(table)).startsWith("per column, accuracy = test-accuracy × 100,"
                + " seconds = provenance.seconds, precise = test-accuracy × 100; mean ±");
    }

    @Test
    void aFractionalScaleIsWrittenAsADecimalInTheLegend() {
        withRuns();
        Path spec = project.spec("mega.yaml", FORMATS.replace("scale: 1, format: \"%,.0f\"",
                "scale: 0.000001, format: \"%.3f\""));

        Table table = project.build(spec, null);

        assertThat(TableLegend.valueDescription(table)).contains("weights = student.parameters × 0.000001;");
        assertThat(shown(table, "weights")).isEqualTo("1.235 ± 0.000 (n=2)");
    }

    @Test
    void withoutOwnScalesTheLegendAndProvenanceAreThoseOfEveryOtherTable() {
        withRuns();
        Path spec = project.spec("same.yaml", FORMATS.replace(", scale: 1, format: \"%,.0f\"", ", scale: 100"));

        Table table = project.build(spec, null);
        new TableOutputs(project.root).write(table, output);

        assertThat(TableLegend.valueDescription(table)).isEqualTo("test-accuracy × 100, mean ± sample standard"
                + " deviation over seeds (± only with n ≥ 2)");
        assertThat(Json.read(output.resolve("formats.provenance.json")).has("metric-columns")).isFalse();
        assertThat(shown(table, "weights")).isEqualTo("123456700.00 ± 0.00 (n=2)");
    }

    @Test
    void aTablesOwnMetricAndAMetricOnlySomeRunsRecordAreStillErrors() {
        ResolvedExperiment kd = project.resolve("kd.yaml", null);
        project.finished(kd, 1, 0.88, Map.of("teacher", Map.of("test-accuracy", 0.92)));
        project.finished(kd, 2, 0.89);
        Path spec = project.spec("some.yaml", FORMATS);

        assertThatThrownBy(() -> project.build(spec, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("results/demo/kd/" + kd.hash12() + "/seed-2/metrics.json")
                .hasMessageContaining("no value at 'teacher.test-accuracy'");
    }

    @Test
    void aGroupingFormatIsValidAndABadScaleOrFormatIsAProblemThatNamesTheColumn() {
        TableSpecReader reader = new TableSpecReader();
        assertThat(reader.problems(project.spec("formats.yaml", FORMATS))).isEmpty();
        assertThat(reader.read(project.spec("formats.yaml", FORMATS)).spec().format(java.util.OptionalInt.of(2))
                .format(1234567.4)).isEqualTo("1,234,567");

        Path zero = project.spec("zero.yaml", FORMATS.replace("scale: 1,", "scale: 0,"));
        assertThat(reader.problems(zero)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("metric-columns[2].scale");
            assertThat(problem.message()).contains("scale 0 of column 'weights' would make every value 0",
                    "a finite number other than 0", "leave 'scale' out to use the table's scale, 100");
        });

        // Unlike the table's scale, a column's may be negative (a loss shown so that higher is better).
        assertThat(reader.problems(project.spec("negative.yaml", FORMATS.replace("scale: 1,", "scale: -1,")))).isEmpty();

        Path text = project.spec("text.yaml", FORMATS.replace("scale: 1,", "scale: \"1\","));
        assertThat(reader.problems(text)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("metric-columns[2].scale");
            assertThat(problem.message()).contains("expected a number", "(in column 'weights')");
        });

        Path badFormat = project.spec("format.yaml", FORMATS.replace("format: \"%,.0f\"", "format: \"%,d\""));
        assertThat(reader.problems(badFormat)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("metric-columns[2].format");
            assertThat(problem.message()).contains("'%,d' cannot format a number", "such as \"%.2f\"",
                    "(in column 'weights')");
        });

        Path unused = project.spec("unused.yaml", FORMATS.replace("format: \"%,.0f\"", "format: \"weights\""));
        assertThat(reader.problems(unused)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("metric-columns[2].format");
            assertThat(problem.message()).contains("'weights' does not use the value", "(in column 'weights')");
        });
    }

    /**
     * The teacher trained alone (no teacher accuracy), 1,234,567 weights; the student alone with one run of two and
     * 23,456 weights; KD with its teacher's accuracy and the student's 23,456 weights.
     */
    private void withRuns() {
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91, Map.of("student", Map.of("parameters", 1234567)));
        project.finished(teacher, 2, 0.93, Map.of("student", Map.of("parameters", 1234567)));
        ResolvedExperiment student = project.resolve("student.yaml", null);
        project.finished(student, 1, 0.85, Map.of("student", Map.of("parameters", 23456)));
        ResolvedExperiment kd = project.resolve("kd.yaml", null);
        project.finished(kd, 1, 0.88, Map.of("teacher", Map.of("test-accuracy", 0.92),
                "student", Map.of("parameters", 23456)));
        project.finished(kd, 2, 0.89, Map.of("teacher", Map.of("test-accuracy", 0.94),
                "student", Map.of("parameters", 23456)));
    }

    /** The teacher's cell of a column, as the tables show it with the column's format. */
    private static String shown(Table table, String column) {
        return CellText.of(TableBuilderTest.cell(table, "Teacher", column), table.definition()).plain();
    }
}
