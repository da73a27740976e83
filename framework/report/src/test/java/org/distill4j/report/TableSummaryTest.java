package org.distill4j.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the commands print about a table: the counts, and for each incomplete cell the command that fills it. */
class TableSummaryTest {

    @TempDir
    Path directory;

    @Test
    void countsCellsByStatus() {
        TestProject project = TableOutputsTest.projectWithRuns(directory);

        assertThat(TableSummary.counts(project.build(project.spec("demo.yaml", DemoSpecs.ROWS), null)))
                .isEqualTo("demo: 3 cells: 1 complete, 1 missing, 1 stale");
        assertThat(TableSummary.counts(project.build(project.spec("temperature.yaml", DemoSpecs.COLUMNS), null)))
                .isEqualTo("demo/temperature: 5 cells: 1 complete, 1 partial, 3 missing");
    }

    @Test
    void eachIncompleteCellSaysHowToTrainIt() {
        TestProject project = TableOutputsTest.projectWithRuns(directory);
        Table table = project.build(project.spec("temperature.yaml", DemoSpecs.COLUMNS), "quick");

        assertThat(TableSummary.incompleteCells(table)).hasSize(5).element(1).asString()
                .startsWith("missing  'KD' T=2: demo/kd at ")
                .endsWith(", 0 of 1 runs; train with: scripts/distill4j run experiments/demo/kd.yaml --profile quick"
                        + " --results results --override distiller.params.temperature=2");
        assertThat(TableSummary.incompleteCells(project.build(project.spec("demo.yaml", DemoSpecs.ROWS), null)))
                .last().asString().startsWith("stale    'KD': demo/kd at ").contains("0 of 2 runs (2 older runs not used)");
    }
}
