package org.distill4j.report;

import org.distill4j.api.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table specs are read as strictly as descriptors: every problem at once, each with its path in the spec. */
class TableSpecReaderTest {

    @TempDir
    Path directory;

    private TestProject project;
    private final TableSpecReader reader = new TableSpecReader();

    @BeforeEach
    void createProject() {
        project = TestProject.create(directory);
    }

    @Test
    void aValidSpecBindsWithItsDefaultsAndAbsoluteDescriptors() {
        TableSpecFile file = reader.read(project.spec("demo.yaml", DemoSpecs.ROWS));

        TableSpec spec = file.spec();
        assertThat(spec.table().value()).isEqualTo("demo");
        assertThat(spec.aggregation()).isEqualTo(Aggregation.MEAN_STD);
        assertThat(spec.scale()).isEqualTo(100.0);
        assertThat(spec.format().format(91.234)).isEqualTo("91.2");
        assertThat(spec.rows()).extracting(RowSpec::experiment).containsExactly(
                project.experiments().resolve("teacher.yaml").toString(),
                project.experiments().resolve("student.yaml").toString(),
                project.experiments().resolve("kd.yaml").toString());
        assertThat(spec.rows().get(0).paperValue()).contains("99.3 (67 errors)");
        assertThat(spec.rows().get(1).paperValue()).isEmpty();
        assertThat(spec.plots()).containsExactly(new PlotSpec(PlotType.EPOCHS, null, "Accuracy per epoch"));
    }

    @Test
    void unknownKeysAreProblemsThatListTheKnownKeys() {
        Path spec = project.spec("demo.yaml", DemoSpecs.ROWS + "colour: red\n")
                .resolveSibling("demo.yaml");
        project.spec("rows.yaml", DemoSpecs.ROWS.replace("{label: Student, experiment", "{lable: Student, experiment"));

        assertThat(reader.problems(spec)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("colour");
            assertThat(problem.message()).contains("unknown key 'colour'", "table, title, metric");
        });
        assertThat(reader.problems(spec.resolveSibling("rows.yaml"))).extracting(Problem::path)
                .contains("rows[1].lable", "rows[1].label");
    }

    @Test
    void anAggregationOutsideTheFourIsAProblemThatNamesThem() {
        Path spec = project.spec("demo.yaml", DemoSpecs.ROWS.replace("scale: 100", "scale: 100\naggregation: average"));

        assertThat(reader.problems(spec)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("aggregation");
            assertThat(problem.message()).contains("'average'", "mean-std", "median", "best", "all");
        });
    }

    @Test
    void aMissingDescriptorIsAProblemAtItsRow() {
        Path spec = project.spec("demo.yaml", DemoSpecs.ROWS.replace("../student.yaml", "../students.yaml"));

        assertThat(reader.problems(spec)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("rows[1].experiment");
            assertThat(problem.message()).contains("no descriptor at", "students.yaml", "relative to the spec's directory");
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Path spec = project.spec("broken.yaml", """
                table: Demo Table
                title: ""
                metric: Test Accuracy
                scale: 0
                format: "%d"
                rows:
                  - {label: A, experiment: ../teacher.yaml, fixed: true}
                  - {label: A, experiment: ../student.yaml, parameter: training.epochs}
                plots:
                  - {type: parameter}
                  - {type: histogram}
                """);

        List<Problem> problems = reader.problems(spec);

        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("table", "metric", "scale", "format",
                "plots[1].type");
        assertThat(problems).filteredOn(problem -> problem.path().equals("format")).singleElement()
                .extracting(Problem::message).asString().contains("'%d' cannot format a number", "%.2f");
        // The rules across keys are checked once every key has bound, so the rest shows up after the fix.
        Path bound = project.spec("bound.yaml", """
                table: demo
                title: ""
                metric: test-accuracy
                rows:
                  - {label: A, experiment: ../teacher.yaml, fixed: true}
                  - {label: A, experiment: ../student.yaml, parameter: training.epochs}
                plots:
                  - {type: parameter}
                """);
        assertThat(reader.problems(bound)).extracting(Problem::path).containsExactly("title", "rows[0].fixed",
                "rows[1].label", "rows[1].parameter", "plots[0].type");
    }

    @Test
    void columnValuesMustBeDistinctScalars() {
        Path spec = project.spec("columns.yaml", DemoSpecs.COLUMNS.replace("values: [2, 8]", "values: [2, 8, 2, [4]]"));

        assertThat(reader.problems(spec)).extracting(Problem::path).containsExactly("columns.values[2]",
                "columns.values[3]");
    }

    @Test
    void aFixedRowCannotAlsoSetAParameter() {
        Path spec = project.spec("columns.yaml", DemoSpecs.COLUMNS.replace("fixed: true",
                "fixed: true, parameter: training.epochs"));

        assertThat(reader.problems(spec)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("rows[0]");
            assertThat(problem.message()).contains("fixed", "parameter");
        });
    }

    @Test
    void anEmptySpecSaysWhatItNeeds() {
        Path spec = project.spec("empty.yaml", "# nothing yet\n");

        assertThat(reader.problems(spec)).singleElement().extracting(Problem::message).asString()
                .contains("empty", "table, title, metric and rows");
    }

    @Test
    void readingAnInvalidSpecThrowsWithEveryProblemAndTheFile() {
        Path spec = project.spec("demo.yaml", DemoSpecs.ROWS.replace("scale: 100", "scale: 100\naggregation: average")
                .replace("../kd.yaml", "../nothing.yaml"));

        assertThatThrownBy(() -> reader.read(spec)).isInstanceOf(InvalidTableSpecException.class)
                .hasMessageContaining(spec.toString()).hasMessageContaining("2 problems")
                .hasMessageContaining("aggregation").hasMessageContaining("rows[2].experiment");
    }

    @Test
    void aDescriptorProblemThatOnlyAColumnCausesNamesTheRowAndTheColumn() {
        Path spec = project.spec("columns.yaml", DemoSpecs.COLUMNS.replace("values: [2, 8]", "values: [2, hot]"));
        TableSpecFile file = reader.read(spec);

        assertThatThrownBy(() -> new VariantResolver(TestProject.parser()).resolve(file, Optional.empty()))
                .isInstanceOfSatisfying(InvalidTableSpecException.class, invalid -> {
                    assertThat(invalid.problems()).extracting(Problem::path).allSatisfy(path ->
                            assertThat(path).startsWith("rows[").contains(".experiment(../"));
                    assertThat(invalid.problems()).anySatisfy(problem -> {
                        assertThat(problem.path()).isEqualTo("rows[1].experiment(../kd.yaml).distiller.params.temperature");
                        assertThat(problem.message()).contains("distiller.params.temperature=\"hot\"",
                                "columns.values[1]");
                    });
                });
    }

    @Test
    void anInvalidRowDescriptorIsReportedOnceUnderItsRow() {
        project.descriptor("student.yaml", TestProject.STUDENT.replace("epochs: 2", "epochs: 0"));
        TableSpecFile file = reader.read(project.spec("columns.yaml", DemoSpecs.COLUMNS));

        assertThatThrownBy(() -> new VariantResolver(TestProject.parser()).resolve(file, Optional.empty()))
                .isInstanceOfSatisfying(InvalidTableSpecException.class, invalid ->
                        assertThat(invalid.problems()).extracting(Problem::path)
                                .containsExactly("rows[2].experiment(../student.yaml).training.epochs"));
    }

    @Test
    void theCommittedHintonSpecIsValidWithBothProfiles() {
        Path spec = Path.of("../../experiments/hinton2015/tables/hinton2015.yaml");
        TableSpecFile file = reader.read(spec);
        VariantResolver resolver = new VariantResolver(TestProject.parser());

        assertThat(file.variants()).hasSize(file.spec().rows().size());
        assertThat(resolver.resolve(file, Optional.of("quick"))).hasSize(file.variants().size());
        assertThat(resolver.resolve(file, Optional.of("full"))).hasSize(file.variants().size());
    }
}
