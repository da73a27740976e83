package org.distill4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code distill4j tables} over a tiny project trained for real (a teacher and a KD student on synthetic data, two
 * seeds each): values with n, missing and stale cells marked, --strict, invalid specs, and the same bytes twice.
 */
class TablesCommandTest {

    static final String SPEC = """
            table: tiny
            title: "Tiny: test accuracy (%)"
            metric: test-accuracy
            scale: 100
            rows:
              - {label: Teacher, experiment: ../teacher.yaml}
              - {label: KD, experiment: ../kd.yaml, paper: "99.0"}
            plots:
              - {type: epochs}
            """;

    /** The same table with a row whose descriptor never ran. */
    static final String WITH_STUDENT = SPEC.replace("table: tiny", "table: tiny-student").replace("plots:",
            "  - {label: Student, experiment: ../student.yaml}\nplots:");

    @TempDir
    static Path trained;

    @TempDir
    Path directory;

    @BeforeAll
    static void train() {
        trainedProject(trained);
    }

    @Test
    void aTableShowsTheMeanOverBothSeedsWithN() throws IOException {
        Path output = trained.resolve("out/n");

        CommandOutput tables = tables(trained, spec(trained, "tiny.yaml"), "--output", output.toString(), "--strict");

        assertThat(tables.exitCode()).as(tables.text() + tables.errors()).isZero();
        assertThat(tables.text()).containsPattern("\\| Teacher \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(n=2\\) \\|")
                .containsPattern("\\| KD \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(n=2\\) \\| 99\\.0 \\|")
                .endsWith("1 table, 2 cells: 2 complete\n");
        assertThat(List.of("tiny.md", "tiny.csv", "tiny.tex", "tiny.provenance.json", "tiny-1-epochs.png"))
                .allSatisfy(file -> assertThat(output.resolve(file)).isNotEmptyFile());
        assertThat(Files.readString(output.resolve("tiny.md")))
                .contains("Regenerate with `scripts/distill4j tables experiments/tiny/tables/tiny.yaml --results results"
                        + " --output out/n`.");
        assertThat(Files.readString(output.resolve("tiny.provenance.json")))
                .containsPattern("\"directory\" : \"test/kd/[0-9a-f]{12}/seed-2\"");
    }

    @Test
    void aMissingCellIsMarkedAndStrictExitsOne() {
        Path spec = spec(trained, "tiny-student.yaml");
        Path output = trained.resolve("out/missing");

        CommandOutput lenient = tables(trained, spec, "--output", output.toString());
        CommandOutput strict = tables(trained, spec, "--output", output.toString(), "--strict");

        assertThat(lenient.exitCode()).as(lenient.text() + lenient.errors()).isZero();
        assertThat(lenient.text()).contains("| Student | — (missing) | |", "- — (missing): no finished run")
                .contains("missing  'Student': test/student at ")
                .contains("train with: scripts/distill4j run experiments/tiny/student.yaml --results results")
                .endsWith("1 table, 3 cells: 2 complete, 1 missing\n");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.text()).contains("1 table, 3 cells: 2 complete, 1 missing\n",
                "--strict: 1 cell is not complete");
        assertThat(output.resolve("tiny-student.md")).isNotEmptyFile();
    }

    @Test
    void editingADescriptorMakesItsCellStale() {
        copy(trained, directory);
        TinyDescriptors.write(directory.resolve("experiments/tiny"), "kd.yaml",
                TinyDescriptors.KD.replace("alpha: 0.9", "alpha: 0.5"));

        CommandOutput tables = tables(directory, spec(directory, "tiny.yaml"), "--output",
                directory.resolve("out").toString(), "--strict");

        assertThat(tables.exitCode()).as(tables.text() + tables.errors()).isEqualTo(1);
        assertThat(tables.text()).contains("| KD | — (stale: 2 runs of an older descriptor) | 99.0 |",
                "- stale: runs exist for an older version of this descriptor",
                "stale    'KD': test/kd at ", "(2 older runs not used)")
                .containsPattern("\\| Teacher \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(n=2\\) \\|")
                .contains("1 table, 2 cells: 1 complete, 1 stale\n");
    }

    @Test
    void aDamagedRunIsShownInItsCellAndTheTableIsStillWritten() throws IOException {
        copy(trained, directory);
        Path kdRun;
        try (Stream<Path> runs = Files.walk(directory.resolve("results/test/kd"))) {
            kdRun = runs.filter(path -> path.getFileName().toString().equals("seed-2")).findFirst().orElseThrow();
        }
        Files.writeString(kdRun.resolve("metrics.json"), "{\"test-accuracy\": 0.9");

        CommandOutput tables = tables(directory, spec(directory, "tiny.yaml"), "--output",
                directory.resolve("out").toString());

        assertThat(tables.exitCode()).as(tables.text() + tables.errors()).isZero();
        assertThat(tables.text()).containsPattern("\\| KD \\| \\d+\\.\\d\\d \\(n=1 of 2, 1 damaged run\\) \\|")
                .containsPattern("\\| Teacher \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(n=2\\) \\|")
                .contains("- damaged: a finished run's records cannot be read", "damaged  'KD': test/kd at ",
                        "(damaged, not used: test/kd/", "seed-2: cannot read JSON from")
                .contains("1 table, 2 cells: 1 complete, 1 damaged\n");
        assertThat(Files.readString(directory.resolve("out/tiny.provenance.json"))).contains("\"damaged\"",
                "\"problem\" : \"cannot read JSON from");
    }

    @Test
    void aCellThatRestsOnADirtyRunIsMarkedAndStrictRefusesIt() throws IOException {
        copy(trained, directory);
        Path kdRun;
        try (Stream<Path> runs = Files.walk(directory.resolve("results/test/kd"))) {
            kdRun = runs.filter(path -> path.getFileName().toString().equals("seed-1")).findFirst().orElseThrow();
        }
        Path provenance = kdRun.resolve("provenance.json");
        Files.writeString(provenance, Files.readString(provenance).replace("\"dirty\" : false", "\"dirty\" : true"));
        Path spec = spec(directory, "tiny.yaml");

        CommandOutput lenient = tables(directory, spec, "--output", directory.resolve("out").toString());
        CommandOutput strict = tables(directory, spec, "--output", directory.resolve("out").toString(), "--strict");

        assertThat(lenient.exitCode()).as(lenient.text() + lenient.errors()).isZero();
        assertThat(lenient.text()).containsPattern("\\| KD \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(n=2, 1 dirty\\) \\|")
                .containsPattern("\\| Teacher \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(n=2\\) \\|")
                .contains("- k dirty: k of the cell's runs were made from uncommitted code");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.text()).contains("dirty    tiny 'KD': results/test/kd/", "/seed-1",
                "--strict: 1 cell rests on runs made from uncommitted code");
    }

    @Test
    void runningTablesAgainWritesTheSameBytes() {
        Path output = trained.resolve("out/twice");
        Path spec = spec(trained, "tiny-student.yaml");

        CommandOutput first = tables(trained, spec, "--output", output.toString());
        Map<String, byte[]> written = contents(output);
        CommandOutput second = tables(trained, spec, "--output", output.toString());

        assertThat(second.text()).isEqualTo(first.text());
        assertThat(written).hasSize(5);
        assertThat(contents(output)).containsOnlyKeys(written.keySet()).allSatisfy((name, bytes) ->
                assertThat(bytes).as(name).isEqualTo(written.get(name)));
    }

    @Test
    void aFolderStandsForEverySpecUnderIt() {
        Path output = trained.resolve("out/folder");

        CommandOutput tables = tables(trained, trained.resolve("experiments"), "--output", output.toString());

        assertThat(tables.exitCode()).as(tables.text() + tables.errors()).isZero();
        assertThat(tables.text()).contains("## Tiny: test accuracy (%)").endsWith("2 tables, 5 cells: 4 complete, 1 missing\n");
        assertThat(output.resolve("tiny.md")).exists();
        assertThat(output.resolve("tiny-student.md")).exists();
    }

    @Test
    void anInvalidSpecPrintsEveryProblemWithItsPathAndWritesNothing() {
        TinyDescriptors.write(directory.resolve("experiments/tiny"), "teacher.yaml", TinyDescriptors.TEACHER);
        Path broken = TinyDescriptors.write(directory.resolve("experiments/tiny/tables"), "broken.yaml", SPEC
                .replace("scale: 100", "scale: 100\ncolour: red\naggregation: average")
                .replace("../kd.yaml", "../missing.yaml"));
        TinyDescriptors.write(directory.resolve("experiments/tiny/tables"), "good.yaml",
                SPEC.replace("table: tiny", "table: good").replace("../kd.yaml", "../teacher.yaml")
                        .replace("label: KD", "label: Again"));
        Path output = directory.resolve("out");

        CommandOutput tables = tables(directory, directory.resolve("experiments"), "--output", output.toString());

        assertThat(tables.exitCode()).isEqualTo(2);
        assertThat(tables.text()).contains("INVALID ", "broken.yaml: 3 problems",
                "  - colour: unknown key 'colour'",
                "  - aggregation: 'average' is not valid; expected one of: mean-std, median, best, all",
                "  - rows[1].experiment: no descriptor at ", "no table was written");
        assertThat(tables.text()).doesNotContain("good.yaml");
        assertThat(output).doesNotExist();
        assertThat(broken).exists();
    }

    @Test
    void aDescriptorThatIsInvalidWithTheProfileIsAProblemOfTheSpec() {
        Path output = trained.resolve("out/profile");

        CommandOutput tables = tables(trained, spec(trained, "tiny.yaml"), "--profile", "quick", "--output",
                output.toString());

        assertThat(tables.exitCode()).isEqualTo(2);
        assertThat(tables.text()).contains("rows[0].experiment(../teacher.yaml)", "quick");
        assertThat(output).doesNotExist();
    }

    @Test
    void theDefaultOutputIsTheProfilesFolderUnderDocsTables() {
        assertThat(TablesCommand.defaultOutput(Optional.of("quick"))).isEqualTo(Path.of("docs/tables/quick"));
        assertThat(TablesCommand.defaultOutput(Optional.empty())).isEqualTo(Path.of("docs/tables/as-written"));
        assertThat(TablesCommand.defaultOutput(Optional.of("full"))).isEqualTo(Path.of("docs/tables"));
    }

    @Test
    void aSweepOfTheSpecRunsExactlyTheTablesCells() {
        Path spec = TinyDescriptors.write(trained.resolve("experiments/tiny/tables"), "temperatures.yaml", """
                table: tiny/temperatures
                title: "Tiny: KD by temperature"
                metric: test-accuracy
                columns: {label: T, parameter: distiller.params.temperature, values: [2, 4]}
                rows:
                  - {label: Teacher, experiment: ../teacher.yaml, fixed: true}
                  - {label: KD, experiment: ../kd.yaml}
                """);
        try {
            CommandOutput sweep = CommandOutput.run("sweep", spec.toString(), "--results",
                    trained.resolve("results").toString(), "--dry-run");

            assertThat(sweep.exitCode()).as(sweep.text() + sweep.errors()).isZero();
            // T=4 is kd.yaml as written, which the project trained; T=2 is new; the teacher is DONE.
            assertThat(sweep.text()).contains("sweep plan: 2 runs to make, 4 already DONE")
                    .contains("--override distiller.params.temperature=2")
                    .doesNotContain("--override distiller.params.temperature=4");
            assertThat(sweep.text().lines().filter(line -> line.startsWith("DONE  "))).hasSize(4);
        } finally {
            delete(spec);
        }
    }

    /**
     * A project as a repository holds it ({@code .git} marks its root): teacher.yaml and kd.yaml trained for both
     * seeds into results/, student.yaml never run, and the table specs tiny.yaml and tiny-student.yaml.
     */
    static void trainedProject(Path root) {
        Path experiments = root.resolve("experiments/tiny");
        TinyDescriptors.write(experiments);
        TinyDescriptors.write(experiments, "student.yaml", TinyDescriptors.TEACHER.replace("test/teacher", "test/student")
                .replace("[32]", "[8]"));
        TinyDescriptors.write(experiments.resolve("tables"), "tiny.yaml", SPEC);
        TinyDescriptors.write(experiments.resolve("tables"), "tiny-student.yaml", WITH_STUDENT);
        try {
            Files.createDirectories(root.resolve(".git"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String descriptor : List.of("teacher.yaml", "kd.yaml")) {
            CommandOutput run = CommandOutput.run("run", experiments.resolve(descriptor).toString(), "--results",
                    root.resolve("results").toString());
            assertThat(run.exitCode()).as(run.text() + run.errors()).isZero();
        }
    }

    static Path spec(Path root, String name) {
        return root.resolve("experiments/tiny/tables").resolve(name);
    }

    /** Runs {@code distill4j tables <spec> --results <root>/results <more>}. */
    private static CommandOutput tables(Path root, Path spec, String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("tables", spec.toString(), "--results",
                root.resolve("results").toString()));
        arguments.addAll(List.of(more));
        return CommandOutput.run(arguments.toArray(String[]::new));
    }

    static Map<String, byte[]> contents(Path folder) {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }

    /** Copies a project (its descriptors, specs and results) to another folder. */
    static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
