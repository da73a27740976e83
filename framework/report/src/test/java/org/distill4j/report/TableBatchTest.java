package org.distill4j.report;

import org.distill4j.api.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Building many specs at once: every invalid spec is reported, and no two tables write the same files. */
class TableBatchTest {

    @TempDir
    Path directory;

    private TestProject project;
    private TableBuilder builder;

    @BeforeEach
    void createProject() {
        project = TestProject.create(directory);
        builder = new TableBuilder(TestProject.parser(), project.root);
    }

    @Test
    void everyInvalidSpecIsReportedAndTheValidOnesAreBuilt() {
        Path good = project.spec("demo.yaml", DemoSpecs.ROWS);
        Path unknownKey = project.spec("a.yaml", DemoSpecs.ROWS.replace("table: demo", "table: a\ncolour: red"));
        Path badColumn = project.spec("b.yaml", DemoSpecs.COLUMNS.replace("values: [2, 8]", "values: [2, hot]"));

        TableBatch batch = TableBatch.build(builder, List.of(unknownKey, good, badColumn), Optional.empty(),
                project.results());

        assertThat(batch.isValid()).isFalse();
        assertThat(batch.tables()).extracting(Table::fileBaseName).containsExactly("demo");
        assertThat(batch.invalid()).extracting(InvalidTableSpecException::source).containsExactly(unknownKey, badColumn);
        assertThat(batch.problemLines(project.root)).startsWith("INVALID experiments/demo/tables/a.yaml: 1 problem",
                "  - colour: unknown key 'colour'; known keys: table, title, metric, scale, aggregation, format, rows,"
                        + " columns, metric-columns, plots, baseline, notes", "INVALID experiments/demo/tables/b.yaml: 2 problems");
        assertThat(batch.problemLines(project.root.resolve("elsewhere")).get(0)).isEqualTo("INVALID " + unknownKey
                + ": 1 problem");
    }

    @Test
    void twoTablesThatWouldWriteTheSameFilesAreAProblem() {
        Path first = project.spec("first.yaml", DemoSpecs.ROWS.replace("table: demo", "table: demo/x"));
        Path second = project.spec("second.yaml", DemoSpecs.ROWS.replace("table: demo", "table: demo-x"));

        TableBatch batch = TableBatch.build(builder, List.of(first, second), Optional.empty(), project.results());

        assertThat(batch.tables()).hasSize(1);
        assertThat(batch.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.source()).isEqualTo(second);
            assertThat(invalid.problems()).extracting(Problem::path).containsExactly("table");
            assertThat(invalid.getMessage()).contains("'demo-x' writes the same files (demo-x.*) as table 'demo/x' of"
                    + " experiments/demo/tables/first.yaml");
        });
    }
}
