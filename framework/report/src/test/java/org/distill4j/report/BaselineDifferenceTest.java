package org.distill4j.report;

import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A table with a baseline row: every other cell shows its mean difference to the baseline, seed by seed, and the
 * 95% interval's half-width, t(0.975, n - 1) times the differences' standard error. With two seeds of differences
 * 4.0 and 1.0 (percent): mean 2.5, standard error 1.5, t with one degree of freedom tan(0.475 pi) = 12.706.
 */
class BaselineDifferenceTest {

    private static final String SPEC = DemoSpecs.ROWS.replace("plots:", "baseline: Student\nplots:");

    @TempDir
    Path directory;

    @Test
    void everyOtherRowShowsItsPairedDifferenceWithA95PercentInterval() throws IOException {
        TestProject project = project(true);
        Path output = project.root.resolve("docs/tables");

        new TableOutputs(project.root).write(project.build(project.spec("demo.yaml", SPEC), null), output);

        String markdown = Files.readString(output.resolve("demo.md"));
        double halfWidth = Math.tan(0.475 * Math.PI) * 1.5;
        assertThat(halfWidth).isBetween(19.05, 19.06);
        assertThat(markdown).contains("| KD | 85.5 ± 2.1 (n=2), Δ +2.5 ± 19.1 |")
                .contains("| Teacher | 92.0 ± 1.4 (n=2), Δ +9.0 ± 25.4 |")
                .contains("| Student | 83.0 ± 4.2 (n=2) |")
                .contains("Δ: the mean difference to the row 'Student' in the same column, seed by seed");
        assertThat(Files.readString(output.resolve("demo.csv")))
                .startsWith("row,column,value,deviation,n,expected-n,status,older-runs,paper,difference,"
                        + "difference-ci95,pairs\n")
                .contains("KD,,85.5,2.1,2,2,complete,0,98.9,2.5,19.1,2\n")
                .contains("Student,,83.0,4.2,2,2,complete,0,,,,\n");
        assertThat(Files.readString(output.resolve("demo.tex"))).contains(", $\\Delta$ +2.5 $\\pm$ 19.1");
    }

    @Test
    void oneSharedSeedGivesTheDifferenceWithoutAnInterval() throws IOException {
        TestProject project = project(false);
        Path output = project.root.resolve("docs/tables");

        new TableOutputs(project.root).write(project.build(project.spec("demo.yaml", SPEC), null), output);

        assertThat(Files.readString(output.resolve("demo.md"))).contains("| KD | 85.5 ± 2.1 (n=2), Δ +4.0 |");
    }

    @Test
    void aBaselineThatIsNoRowIsRefused() {
        TestProject project = project(true);

        assertThatThrownBy(() -> project.build(project.spec("demo.yaml", DemoSpecs.ROWS.replace("plots:",
                "baseline: Pupil\nplots:")), null)).isInstanceOf(InvalidTableSpecException.class)
                .hasMessageContaining("no row is labelled 'Pupil'; name one of the rows: 'Teacher', 'Student', 'KD'");
    }

    @Test
    void tablesWithoutABaselineAreWrittenAsBefore() throws IOException {
        TestProject project = project(true);
        Path output = project.root.resolve("docs/tables");

        new TableOutputs(project.root).write(project.build(project.spec("demo.yaml", DemoSpecs.ROWS), null), output);

        assertThat(Files.readString(output.resolve("demo.md"))).doesNotContain("Δ");
        assertThat(Files.readString(output.resolve("demo.csv"))).startsWith("row,column,value,deviation,n,"
                + "expected-n,status,older-runs,paper\n");
    }

    private TestProject project(boolean studentSecondSeed) {
        TestProject project = TestProject.create(directory);
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.91);
        project.finished(teacher, 2, 0.93);
        ResolvedExperiment student = project.resolve("student.yaml", null);
        project.finished(student, 1, 0.80);
        if (studentSecondSeed) {
            project.finished(student, 2, 0.86);
        }
        ResolvedExperiment kd = project.resolve("kd.yaml", null);
        project.finished(kd, 1, 0.84);
        project.finished(kd, 2, 0.87);
        return project;
    }
}
