package org.distill4j.report;

import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Cells read only the DONE runs of the descriptor as it resolves now; everything else is marked, never mixed in. */
class TableBuilderTest {

    @TempDir
    Path directory;

    private TestProject project;
    private Path rows;

    @BeforeEach
    void createProject() {
        project = TestProject.create(directory);
        rows = project.spec("demo.yaml", DemoSpecs.ROWS);
    }

    @Test
    void aCellIsTheMeanAndSampleStandardDeviationOverSeedsWithN() {
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91);
        project.finished(teacher, 2, 0.93);

        Table table = project.build(rows, null);
        Cell cell = cell(table, "Teacher", "");

        assertThat(cell.status()).isEqualTo(CellStatus.COMPLETE);
        assertThat(cell.hash()).isEqualTo(teacher.hash());
        assertThat(cell.runs()).extracting(RunRecord::seed).containsExactly(1L, 2L);
        assertThat(cell.runs()).extracting(RunRecord::directory).containsExactly(
                "demo/teacher/" + teacher.hash12() + "/seed-1", "demo/teacher/" + teacher.hash12() + "/seed-2");
        assertThat(cell.value().center().getAsDouble()).isCloseTo(92.0, within(1e-9));
        assertThat(cell.value().deviation().getAsDouble()).isCloseTo(Math.sqrt(2), within(1e-9));
        assertThat(shown(table, "Teacher", "")).isEqualTo("92.0 ± 1.4 (n=2)");
    }

    @Test
    void medianBestAndAllCombineTheSameRunsTheirOwnWay() {
        project.descriptor("three.yaml", TestProject.STUDENT.replace("demo/student", "demo/three")
                .replace("seeds: [1, 2]", "seeds: [3, 1, 2]"));
        ResolvedExperiment three = project.resolve("three.yaml", null);
        project.finished(three, 1, 0.91);
        project.finished(three, 2, 0.95);
        project.finished(three, 3, 0.92);
        String spec = DemoSpecs.ROWS.replace("../student.yaml", "../three.yaml");

        assertThat(shown(project.build(project.spec("mean.yaml", spec), null), "Student", ""))
                .isEqualTo("92.7 ± 2.1 (n=3)");
        assertThat(shown(project.build(project.spec("median.yaml", aggregated(spec, "median")), null), "Student", ""))
                .isEqualTo("92.0 (n=3)");
        assertThat(shown(project.build(project.spec("best.yaml", aggregated(spec, "best")), null), "Student", ""))
                .isEqualTo("95.0 (n=3)");
        // In the descriptor's seed order: 3, 1, 2.
        assertThat(shown(project.build(project.spec("all.yaml", aggregated(spec, "all")), null), "Student", ""))
                .isEqualTo("92.0, 91.0, 95.0 (n=3)");
    }

    @Test
    void aCellWithoutFinishedRunsIsMissing() {
        Table table = project.build(rows, null);

        Cell student = cell(table, "Student", "");
        assertThat(student.status()).isEqualTo(CellStatus.MISSING);
        assertThat(student.value().n()).isZero();
        assertThat(shown(table, "Student", "")).isEqualTo("— (missing)");
        assertThat(table.incompleteCells()).hasSize(3);
    }

    @Test
    void aRunWithoutDoneIsNeverRead() {
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91);
        project.interrupted(teacher, 2, 0.10);
        ResolvedExperiment student = project.resolve("student.yaml", null);
        project.interrupted(student, 1, 0.10);

        Table table = project.build(rows, null);

        Cell partial = cell(table, "Teacher", "");
        assertThat(partial.status()).isEqualTo(CellStatus.PARTIAL);
        assertThat(partial.value().values()).containsExactly(91.0);
        assertThat(shown(table, "Teacher", "")).isEqualTo("91.0 (n=1 of 2)");
        assertThat(cell(table, "Student", "").status()).isEqualTo(CellStatus.MISSING);
    }

    @Test
    void editingADescriptorParameterMakesItsOldRunsStaleAndNeverMixesThemIn() {
        ResolvedExperiment before = project.resolve("teacher.yaml", null);
        project.finished(before, 1, 0.91);
        project.finished(before, 2, 0.93);

        project.descriptor("teacher.yaml", TestProject.TEACHER.replace("learning-rate: 0.02", "learning-rate: 0.05"));
        ResolvedExperiment after = project.resolve("teacher.yaml", null);
        Table edited = project.build(rows, null);
        Cell stale = cell(edited, "Teacher", "");

        assertThat(after.hash()).isNotEqualTo(before.hash());
        assertThat(stale.status()).isEqualTo(CellStatus.STALE);
        assertThat(stale.runs()).isEmpty();
        assertThat(stale.value().n()).isZero();
        assertThat(stale.olderRuns()).extracting(StaleRun::directory).containsExactly(
                "demo/teacher/" + before.hash12() + "/seed-1", "demo/teacher/" + before.hash12() + "/seed-2");
        assertThat(stale.olderRuns()).extracting(StaleRun::hash).containsOnly(before.hash());
        assertThat(shown(edited, "Teacher", "")).isEqualTo("— (stale: 2 runs of an older descriptor)");

        project.finished(after, 1, 0.80);
        Table halfDone = project.build(rows, null);
        Cell half = cell(halfDone, "Teacher", "");
        assertThat(half.status()).isEqualTo(CellStatus.STALE);
        assertThat(half.value().values()).containsExactly(80.0);
        assertThat(shown(halfDone, "Teacher", "")).isEqualTo("80.0 (n=1 of 2, stale: 2 older runs)");

        project.finished(after, 2, 0.82);
        Cell complete = cell(project.build(rows, null), "Teacher", "");
        assertThat(complete.status()).isEqualTo(CellStatus.COMPLETE);
        assertThat(complete.value().values()).containsExactly(80.0, 82.0);
        assertThat(complete.olderRuns()).hasSize(2);
    }

    @Test
    void editingTheTeacherMakesTheStudentsItTaughtStale() {
        ResolvedExperiment kd = project.resolve("kd.yaml", null);
        project.finished(kd, 1, 0.88);
        project.finished(kd, 2, 0.89);

        project.descriptor("teacher.yaml", TestProject.TEACHER.replace("[32]", "[64]"));
        Cell cell = cell(project.build(rows, null), "KD", "");

        assertThat(cell.status()).isEqualTo(CellStatus.STALE);
        assertThat(cell.olderRuns()).extracting(StaleRun::hash).containsOnly(kd.hash());
    }

    @Test
    void runsOfAnotherProfileAreNeitherReadNorStale() {
        ResolvedExperiment quick = project.resolve("teacher.yaml", "quick");
        project.finished(quick, 1, 0.70);

        Cell asWritten = cell(project.build(rows, null), "Teacher", "");
        Table quickTable = project.build(rows, "quick");
        Cell withQuick = cell(quickTable, "Teacher", "");

        assertThat(asWritten.status()).isEqualTo(CellStatus.MISSING);
        assertThat(asWritten.olderRuns()).isEmpty();
        assertThat(withQuick.status()).isEqualTo(CellStatus.COMPLETE);
        assertThat(withQuick.seeds()).containsExactly(1L);
        assertThat(shown(quickTable, "Teacher", "")).isEqualTo("70.0 (n=1)");
    }

    @Test
    void columnsSetTheParameterPerColumnAndAFixedRowHasOneCell() {
        Path spec = project.spec("temperature.yaml", DemoSpecs.COLUMNS);
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        ResolvedExperiment kdAt2 = project.resolve("kd.yaml", null, TestProject.override("distiller.params.temperature=2"));
        ResolvedExperiment kdAt8 = project.resolve("kd.yaml", null, TestProject.override("distiller.params.temperature=8"));
        ResolvedExperiment studentFor8 = project.resolve("student.yaml", null, TestProject.override("training.epochs=8"));
        project.finished(teacher, 1, 0.95);
        project.finished(kdAt2, 1, 0.90);
        project.finished(kdAt2, 2, 0.92);
        project.finished(kdAt8, 1, 0.85);
        project.finished(studentFor8, 2, 0.60);

        Table table = project.build(spec, null);

        assertThat(table.columns()).containsExactly("T=2", "T=8");
        assertThat(table.rows()).extracting(TableRow::fixed).containsExactly(true, false, false);
        TableRow teacherRow = table.rows().get(0);
        assertThat(teacherRow.cells()).hasSize(1);
        assertThat(teacherRow.cellInColumn(0)).isSameAs(teacherRow.cellInColumn(1));
        assertThat(teacherRow.cells().get(0).plan().variant().overrides()).isEmpty();

        Cell at2 = cell(table, "KD", "T=2");
        Cell at8 = cell(table, "KD", "T=8");
        assertThat(at2.hash()).isEqualTo(kdAt2.hash());
        assertThat(at8.hash()).isEqualTo(kdAt8.hash());
        assertThat(at2.plan().variant().overrides()).containsExactly(TestProject.override("distiller.params.temperature=2"));
        assertThat(shown(table, "KD", "T=2")).isEqualTo("91.00 ± 1.41 (n=2)");
        assertThat(shown(table, "KD", "T=8")).isEqualTo("85.00 (n=1 of 2)");

        Cell student8 = cell(table, "Student, epochs = T", "T=8");
        assertThat(student8.hash()).isEqualTo(studentFor8.hash());
        assertThat(student8.plan().variant().overrides()).containsExactly(TestProject.override("training.epochs=8"));
        assertThat(shown(table, "Student, epochs = T", "T=8")).isEqualTo("60.00 (n=1 of 2)");
        assertThat(table.cells()).hasSize(5);
    }

    @Test
    void aColumnRunIsNotStaleForAnotherColumn() {
        Path spec = project.spec("temperature.yaml", DemoSpecs.COLUMNS);
        project.finished(project.resolve("kd.yaml", null, TestProject.override("distiller.params.temperature=2")), 1, 0.9);

        Cell at8 = cell(project.build(spec, null), "KD", "T=8");

        assertThat(at8.status()).isEqualTo(CellStatus.MISSING);
        assertThat(at8.olderRuns()).isEmpty();
    }

    @Test
    void thePaperColumnIsThereOnlyWhenARowGivesAValue() {
        Table table = project.build(rows, null);
        Table withoutPaper = project.build(project.spec("temperature.yaml", DemoSpecs.COLUMNS), null);

        assertThat(table.hasPaperColumn()).isTrue();
        assertThat(table.rows()).extracting(row -> row.paper().orElse("")).containsExactly("99.3 (67 errors)", "", "98.9");
        assertThat(withoutPaper.hasPaperColumn()).isFalse();
    }

    @Test
    void pathsAreRelativeToTheProjectRoot() {
        Table table = project.build(rows, null);

        assertThat(table.specPath()).isEqualTo("experiments/demo/tables/demo.yaml");
        assertThat(table.resultsPath()).isEqualTo("results");
        assertThat(table.cells()).extracting(Cell::descriptor).containsExactly("experiments/demo/teacher.yaml",
                "experiments/demo/student.yaml", "experiments/demo/kd.yaml");
    }

    @Test
    void aRunWithoutTheTablesMetricIsAnErrorThatNamesItsFile() {
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91);
        Path spec = project.spec("nested.yaml", DemoSpecs.ROWS.replace("metric: test-accuracy",
                "metric: teacher.test-accuracy"));

        assertThatThrownBy(() -> project.build(spec, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("results/demo/teacher/" + teacher.hash12() + "/seed-1/metrics.json")
                .hasMessageContaining("no value at 'teacher.test-accuracy'");
    }

    @Test
    void aProvenancePathReadsTheRunsProvenanceWhereTimesAreKept() {
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91);
        Path seconds = project.spec("seconds.yaml", DemoSpecs.ROWS.replace("metric: test-accuracy",
                "metric: provenance.seconds").replace("scale: 100", "scale: 1"));
        Path missing = project.spec("missing.yaml", DemoSpecs.ROWS.replace("metric: test-accuracy",
                "metric: provenance.alignment-seconds"));

        assertThat(cell(project.build(seconds, null), "Teacher", "").value().center().getAsDouble())
                .isCloseTo(12.5, within(1e-9));
        assertThatThrownBy(() -> project.build(missing, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed-1/provenance.json")
                .hasMessageContaining("no value at 'provenance.alignment-seconds'");
    }

    private static String aggregated(String spec, String aggregation) {
        return spec.replace("scale: 100", "scale: 100\naggregation: " + aggregation);
    }

    static Cell cell(Table table, String row, String column) {
        return table.cells().stream().filter(cell -> cell.row().equals(row) && cell.column().equals(column))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + row + " " + column + " in "
                        + table.cells()));
    }

    @Test
    void metricColumnsShowSeveralMetricsOfTheSameRuns() {
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91);
        project.finished(teacher, 2, 0.93);
        Path spec = project.spec("metrics.yaml", """
                table: metrics
                title: "Two metrics"
                metric: test-accuracy
                scale: 100
                format: "%.1f"
                rows:
                  - {label: Teacher, experiment: ../teacher.yaml}
                metric-columns:
                  - {label: accuracy, metric: test-accuracy}
                  - {label: seconds, metric: provenance.seconds}
                """);

        Table table = project.build(spec, null);

        assertThat(table.columns()).containsExactly("accuracy", "seconds");
        assertThat(shown(table, "Teacher", "accuracy")).isEqualTo("92.0 ± 1.4 (n=2)");
        assertThat(shown(table, "Teacher", "seconds")).isEqualTo("1250.0 ± 0.0 (n=2)");
    }

    @Test
    void aTableHasEitherParameterOrMetricColumns() {
        Path spec = project.spec("both.yaml", """
                table: both
                title: "Both"
                metric: test-accuracy
                rows:
                  - {label: Teacher, experiment: ../teacher.yaml}
                columns: {parameter: training.epochs, values: [1, 2]}
                metric-columns:
                  - {label: accuracy, metric: test-accuracy}
                """);

        assertThatThrownBy(() -> project.build(spec, null)).hasMessageContaining("metric-columns")
                .hasMessageContaining("not both");
    }

    /** The cell as the tables show it, with the table's number format. */
    private static String shown(Table table, String row, String column) {
        return CellText.of(cell(table, row, column), table.definition().format()).plain();
    }
}
