package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class TeacherTest {

    private static final String SHA256 = "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String TEACHER = """
            experiment: fixture/teacher
            seeds: [1]
            dataset: {name: tiny-images}
            student: {model: {family: mlp, params: {hidden: [64]}}}
            distiller: {name: cross-entropy}
            training: {epochs: 5}
            """;

    @TempDir
    Path directory;
    private DescriptorFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
        fixture.write("teacher.yaml", TEACHER);
    }

    private static String student(String teacher) {
        return DescriptorFixture.MINIMAL.replace("{name: cross-entropy}", "{name: hinton-kd}") + teacher;
    }

    @Test
    void aFileTeacherHasItsPathExpandedAndItsHashInLowerCase() {
        ResolvedExperiment experiment = fixture.valid(student("teacher: {file: '${MODELS}/t.zip', sha256: " + SHA256 + "}\n"));

        assertThat(experiment.teacher()).contains(new FileTeacher(Path.of("/models/t.zip").toAbsolutePath(),
                SHA256.toLowerCase()));
        assertThat(experiment.canonicalJson()).contains("\"teacher\":{\"file\":\"${MODELS}/t.zip\",\"sha256\":\""
                + SHA256.toLowerCase() + "\"}");
    }

    @Test
    void aFileTeacherNeedsAValidSha256AndNoSeed() {
        assertThat(fixture.problems(student("teacher: {file: t.zip}\n"))).containsExactly(new Problem("teacher.sha256",
                "missing required key 'sha256' (required with 'file'): the SHA-256 of the model zip, 64 hexadecimal"
                        + " digits, as printed by sha256sum"));
        assertThat(fixture.problems(student("teacher: {file: t.zip, sha256: abc123}\n"))).containsExactly(
                new Problem("teacher.sha256", "expected 64 hexadecimal digits (a SHA-256, as printed by sha256sum),"
                        + " got 'abc123' (6 characters)"));
        assertThat(fixture.problems(student("teacher: {file: t.zip, sha256: " + SHA256 + ", seed: 3}\n"))).containsExactly(
                new Problem("teacher.seed", "only an 'experiment' teacher has a seed; a 'file' teacher is already trained"));
    }

    @Test
    void aTeacherIsEitherAnExperimentOrAFile() {
        assertThat(fixture.problems(student("teacher: {experiment: teacher.yaml, file: t.zip}\n"))).containsExactly(
                new Problem("teacher", "give exactly one of 'experiment' (a teacher descriptor, trained first) or 'file'"
                        + " (a trained model zip with its sha256), not both"));
        assertThat(fixture.problems(student("teacher: {seed: 3}\n"))).containsExactly(
                new Problem("teacher", "give exactly one of 'experiment' (a teacher descriptor, trained first) or 'file'"
                        + " (a trained model zip with its sha256)"));
        assertThat(fixture.problems(student("teacher: {experiment: teacher.yaml, sha256: " + SHA256 + "}\n")))
                .containsExactly(new Problem("teacher.sha256", "only a 'file' teacher has a sha256; an 'experiment'"
                        + " teacher is identified by the hash of its descriptor"));
        assertThat(fixture.problems(student("teacher: {experiment: teacher.yaml, sed: 3}\n"))).containsExactly(
                new Problem("teacher.sed", "unknown key 'sed' (did you mean 'seed'?); known keys: experiment, seed,"
                        + " file, sha256"));
    }

    @Test
    void anExperimentTeacherUsesTheStudentsSeedUnlessFixed() {
        ExperimentTeacher same = (ExperimentTeacher) fixture.valid(student("teacher: {experiment: teacher.yaml}\n"))
                .teacher().orElseThrow();
        ExperimentTeacher explicitSame = (ExperimentTeacher) fixture.valid(
                student("teacher: {experiment: teacher.yaml, seed: same}\n")).teacher().orElseThrow();
        ExperimentTeacher fixed = (ExperimentTeacher) fixture.valid(student("teacher: {experiment: teacher.yaml, seed: 0}\n"))
                .teacher().orElseThrow();

        assertThat(same.fixedSeed()).isEmpty();
        assertThat(same.seedFor(5)).isEqualTo(5);
        assertThat(explicitSame.fixedSeed()).isEmpty();
        assertThat(fixed.fixedSeed()).isEqualTo(OptionalLong.of(0));
        assertThat(fixed.seedFor(5)).isZero();
        assertThat(same.experiment().id()).isEqualTo("fixture/teacher");
        assertThat(same.experiment().source()).isEqualTo(DescriptorPaths.identity(directory.resolve("teacher.yaml")));
        assertThat(fixture.problems(student("teacher: {experiment: teacher.yaml, seed: other}\n"))).containsExactly(
                new Problem("teacher.seed", "expected 'same' (the student's seed) or an integer >= 0, got the string 'other'"));
        assertThat(fixture.problems(student("teacher: {experiment: teacher.yaml, seed: -1}\n"))).containsExactly(
                new Problem("teacher.seed", "expected 'same' (the student's seed) or an integer >= 0, got the integer -1"));
    }

    @Test
    void theTeachersCanonicalFormIsItsIdHashAndSeed() {
        ResolvedExperiment experiment = fixture.valid(student("teacher: {experiment: teacher.yaml, seed: 4}\n"));
        ResolvedExperiment teacher = ((ExperimentTeacher) experiment.teacher().orElseThrow()).experiment();

        assertThat(experiment.canonicalJson()).contains("\"teacher\":{\"experiment\":\"fixture/teacher\",\"hash\":\""
                + teacher.hash() + "\",\"seed\":4}");
        assertThat(fixture.valid(student("teacher: {experiment: teacher.yaml}\n")).canonicalJson())
                .contains("\"seed\":\"same\"");
    }

    @Test
    void aMissingTeacherDescriptorIsReported() {
        assertThat(fixture.problems(student("teacher: {experiment: teachers/absent.yaml}\n"))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("teacher.experiment");
                    assertThat(problem.message()).startsWith("no teacher descriptor at "
                            + directory.resolve("teachers/absent.yaml").toAbsolutePath());
                });
    }

    @Test
    void theTeachersProblemsCarryItsFileNameInTheirPath() {
        fixture.write("teachers/bad.yaml", TEACHER.replace("{epochs: 5}", "{epochs: 0}").replace("seeds: [1]\n", ""));

        assertThat(fixture.problems(student("teacher: {experiment: teachers/bad.yaml}\n"))).containsExactly(
                new Problem("teacher.experiment(teachers/bad.yaml).seeds",
                        "missing required key 'seeds' (list of seeds): the seeds to run: distinct integers >= 0"),
                new Problem("teacher.experiment(teachers/bad.yaml).training.epochs", "0 is out of range: must be >= 1"));
    }

    @Test
    void aTeacherMustUseTheSameDataset() {
        fixture.write("other.yaml", TEACHER.replace("{name: tiny-images}", "{name: tiny-images, params: {source: debian}}"));

        assertThat(fixture.problems(student("teacher: {experiment: other.yaml}\n"))).containsExactly(
                new Problem("teacher.experiment", "the teacher experiment 'fixture/teacher' uses dataset 'tiny-images'"
                        + " {\"source\":\"debian\",\"train-size\":null,\"directory\":null}, but this experiment uses"
                        + " 'tiny-images' {\"source\":\"embedded\",\"train-size\":null,\"directory\":null}; a teacher"
                        + " must use the same dataset (name and parameters; parameters that only draw a subset"
                        + " (train-size) may differ)"));
    }

    @Test
    void aTeacherMayHaveBeenTrainedOnAnotherSubsetOfTheSameData() {
        fixture.write("all.yaml", TEACHER.replace("{name: tiny-images}", "{name: tiny-images, params: {train-size: 50}}"));
        String fewImages = student("teacher: {experiment: all.yaml}\n")
                .replace("{name: tiny-images}", "{name: tiny-images, params: {train-size: 5}}");

        assertThat(fixture.parse("few.yaml", fewImages).isValid()).isTrue();
    }

    @Test
    void relativeDatasetPathsAreComparedResolved() {
        fixture.write("teachers/near.yaml", TEACHER.replace("{name: tiny-images}",
                "{name: tiny-images, params: {directory: ../data}}"));
        fixture.write("teachers/far.yaml", TEACHER.replace("{name: tiny-images}",
                "{name: tiny-images, params: {directory: data}}"));
        String withData = student("").replace("{name: tiny-images}", "{name: tiny-images, params: {directory: data}}");

        assertThat(fixture.parse("a.yaml", withData + "teacher: {experiment: teachers/near.yaml}\n").isValid()).isTrue();
        assertThat(fixture.parse("b.yaml", withData + "teacher: {experiment: teachers/far.yaml}\n").problems())
                .singleElement().extracting(Problem::path).isEqualTo("teacher.experiment");
    }

    @Test
    void teacherCyclesAreReported() {
        fixture.write("a.yaml", student("teacher: {experiment: b.yaml}\n").replace("fixture/minimal", "fixture/a"));
        fixture.write("b.yaml", student("teacher: {experiment: a.yaml}\n").replace("fixture/minimal", "fixture/b"));
        Path a = DescriptorPaths.identity(directory.resolve("a.yaml"));
        Path b = DescriptorPaths.identity(directory.resolve("b.yaml"));

        assertThat(fixture.parser.parse(directory.resolve("a.yaml")).problems()).containsExactly(
                new Problem("teacher.experiment(b.yaml).teacher.experiment", "teacher cycle: " + a + " -> " + b + " -> "
                        + a + "; a descriptor cannot be its own teacher"));
        assertThat(fixture.parse("self.yaml", student("teacher: {experiment: self.yaml}\n")).problems()).containsExactly(
                new Problem("teacher.experiment", "teacher cycle: " + DescriptorPaths.identity(directory.resolve("self.yaml"))
                        + " -> " + DescriptorPaths.identity(directory.resolve("self.yaml"))
                        + "; a descriptor cannot be its own teacher"));
    }

    @Test
    void teacherChainsResolve() {
        fixture.write("middle.yaml", student("teacher: {experiment: teacher.yaml}\n").replace("fixture/minimal", "fixture/middle"));

        ResolvedExperiment experiment = fixture.valid(student("teacher: {experiment: middle.yaml}\n"));

        ExperimentTeacher middle = (ExperimentTeacher) experiment.teacher().orElseThrow();
        assertThat(middle.experiment().teacher()).get().isInstanceOfSatisfying(ExperimentTeacher.class,
                first -> assertThat(first.experiment().id()).isEqualTo("fixture/teacher"));
    }

    @Test
    void teacherTapsNeedATeacher() {
        assertThat(fixture.problems(student(""))).containsExactly(new Problem("distiller", "distiller 'hinton-kd' reads"
                + " the teacher (taps: logits) but this experiment has no teacher; add a 'teacher' section or use a"
                + " distiller that needs none"));
    }

    @Test
    void tapsMustBeVerticesOfTheirNetworks() {
        String descriptor = DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}\n", """
                distillers:
                  - {name: cross-entropy}
                  - {name: hint, params: {student-layer: relu9, teacher-layer: relu2}}
                teacher: {experiment: teacher.yaml}
                """);

        assertThat(fixture.problems(descriptor)).containsExactly(
                new Problem("distillers[1]", "distiller 'hint' taps 'relu9', which is not a vertex of the student network"
                        + " (mlp) (did you mean 'relu1'?); its vertices: dense1, relu1, dense2, relu2, logits"),
                new Problem("distillers[1]", "distiller 'hint' taps 'relu2', which is not a vertex of the teacher network"
                        + " (mlp) (did you mean 'relu1'?); its vertices: dense1, relu1, logits"));
    }

    @Test
    void shapesTheDistillerRejectsAreProblemsOnlyOnceItsTapsExist() {
        String descriptor = DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}\n", """
                distillers:
                  - {name: hint, params: {student-layer: relu1, teacher-layer: relu1, same-size: true}}
                  - {name: hint, params: {student-layer: relu1, teacher-layer: relu7, same-size: true}}
                teacher: {experiment: teacher.yaml}
                """);

        assertThat(fixture.problems(descriptor)).containsExactly(
                new Problem("distillers[0]", "distiller 'hint': 'relu1' (16) and 'relu1' (64) differ in size"),
                new Problem("distillers[1]", "distiller 'hint' taps 'relu7', which is not a vertex of the teacher network"
                        + " (mlp) (did you mean 'relu1'?); its vertices: dense1, relu1, logits"));
    }

    @Test
    void inputGradientTapsAreAcceptedWithTheInputImagesShape() {
        String descriptor = DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}\n", """
                distillers:
                  - {name: hint, params: {student-layer: input.gradient, teacher-layer: input.gradient, same-size: true}}
                  - {name: mirror}
                  - {name: hint, params: {student-layer: mirrored-input.gradient, teacher-layer: relu1, same-size: true}}
                  - {name: hint, params: {student-layer: relu1, teacher-layer: input.gradient, same-size: true}}
                teacher: {experiment: teacher.yaml}
                """);

        assertThat(fixture.problems(descriptor)).containsExactly(new Problem("distillers[3]", "distiller 'hint':"
                + " 'relu1' (16) and 'input.gradient' (1x8x8) differ in size"));
    }

    @Test
    void aTeachersTapThatADistillerDefinesIsNotAvailable() {
        String descriptor = DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}\n", """
                distillers:
                  - {name: mirror}
                  - {name: hint, params: {student-layer: input.gradient, teacher-layer: mirrored-input.gradient}}
                teacher: {experiment: teacher.yaml}
                """);

        assertThat(fixture.problems(descriptor)).containsExactly(new Problem("distillers[1]", "distiller 'hint' reads"
                + " the teacher's 'mirrored-input.gradient', an input-gradient tap that distiller 'mirror' defines for"
                + " the student only; read the teacher's 'input.gradient' and transform it in the loss"));
    }

    @Test
    void aTapThatNoDistillerDefinesIsNoInputGradient() {
        String descriptor = DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}\n", """
                distiller: {name: hint, params: {student-layer: mirrored-input.gradient, teacher-layer: relu1}}
                teacher: {experiment: teacher.yaml}
                """);

        assertThat(fixture.problems(descriptor)).singleElement().satisfies(problem -> assertThat(problem.message())
                .startsWith("distiller 'hint' taps 'mirrored-input.gradient', which is not a vertex of the student"));
    }

    @Test
    void twoDistillersDefiningOneTapNameAreAProblem() {
        String descriptor = DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}\n", """
                distillers:
                  - {name: mirror}
                  - {name: other-mirror}
                """);

        assertThat(fixture.problems(descriptor)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("distillers[1]");
            assertThat(problem.message()).startsWith("cannot read the input-gradient taps of 'other-mirror':"
                    + " distillers 'mirror' and 'other-mirror' both define the input-gradient tap"
                    + " 'mirrored-input.gradient'");
        });
    }

    @Test
    void aTeacherWithBatchNormCannotGiveItsInputGradient() {
        fixture.write("bn-teacher.yaml", TEACHER.replace("family: mlp", "family: bn-mlp"));
        String descriptor = DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}\n", """
                distiller: {name: hint, params: {student-layer: input.gradient, teacher-layer: input.gradient}}
                teacher: {experiment: bn-teacher.yaml}
                """);

        assertThat(fixture.problems(descriptor)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("distiller");
            assertThat(problem.message()).startsWith("distiller 'hint': the loss reads the teacher's 'input.gradient',"
                    + " but the teacher has batch normalization or dropout (bn1): DL4J back-propagates batch norm"
                    + " only with the batch statistics of training mode")
                    .contains("use a teacher without batch norm and dropout");
        });
    }

    @Test
    void aFileTeachersTapsAreLeftToTheRun() {
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL.replace("{name: cross-entropy}",
                "{name: hint, params: {student-layer: relu2, teacher-layer: anything}}")
                + "teacher: {file: t.zip, sha256: " + SHA256 + "}\n");

        assertThat(experiment.distillers()).extracting(distiller -> distiller.distiller().name()).isEqualTo(List.of("hint"));
    }
}
