package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;
import org.distill4j.api.NoParameters;
import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.FakePlugin.HintParams;
import org.distill4j.kernel.descriptor.FakePlugin.HintonParams;
import org.distill4j.kernel.descriptor.FakePlugin.MlpParams;
import org.distill4j.kernel.descriptor.FakePlugin.MultiStepParams;
import org.distill4j.kernel.descriptor.FakePlugin.SgdParams;
import org.distill4j.kernel.descriptor.FakePlugin.Source;
import org.distill4j.kernel.descriptor.FakePlugin.TinyImagesParams;
import org.distill4j.kernel.engine.Augmentation;
import org.distill4j.kernel.engine.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescriptorParserTest {

    @TempDir
    Path directory;
    private DescriptorFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
    }

    @Test
    void resolvesEverySectionOfAFullDescriptor() {
        fixture.write("teachers/big.yaml", """
                experiment: fixture/teacher
                seeds: [1]
                dataset: {name: tiny-images, params: {source: debian, train-size: 500, directory: ../data}}
                student: {model: {family: mlp, params: {hidden: [64, 64]}}}
                distiller: {name: cross-entropy}
                training: {epochs: 5}
                """);
        ResolvedExperiment experiment = fixture.valid("""
                experiment: hinton2015/kd-t20
                title: "2x800 student"
                seeds: [3, 1, 2]
                dataset:
                  name: tiny-images
                  params: {source: debian, train-size: 500, directory: data}
                teacher:
                  experiment: teachers/big.yaml
                  seed: 7
                student:
                  model: {family: mlp, params: {hidden: [32]}}
                distillers:
                  - {name: hinton-kd, params: {temperature: 20, alpha: 0.9}}
                  - {name: hint, params: {student-layer: relu1, teacher-layer: relu2}, weight: 0.5}
                training:
                  epochs: 20
                  batch-size: 64
                  optimizer: {name: sgd, params: {learning-rate: 0.05}}
                  schedule: {name: multi-step, params: {milestones: [10, 15], gamma: 0.1}}
                  augmentation: {jitter: 2, horizontal-flip: true}
                  select: best-validation
                  evaluate-test-every-epoch: false
                """);

        assertThat(experiment.id()).isEqualTo("hinton2015/kd-t20");
        assertThat(experiment.title()).isEqualTo("2x800 student");
        assertThat(experiment.profile()).isEmpty();
        assertThat(experiment.seeds()).containsExactly(3L, 1L, 2L);
        assertThat(experiment.source()).isEqualTo(directory.resolve("experiment.yaml").toAbsolutePath());
        assertThat(experiment.dataset()).isEqualTo(new ComponentChoice(ComponentKind.DATASET, "tiny-images",
                new TinyImagesParams(Source.DEBIAN, 500, directory.resolve("data").toAbsolutePath().toString())));
        assertThat(experiment.studentModel()).isEqualTo(
                new ComponentChoice(ComponentKind.MODEL_FAMILY, "mlp", new MlpParams(List.of(32))));
        assertThat(experiment.distillers()).extracting(WeightedDistiller::distiller, WeightedDistiller::weight)
                .containsExactly(
                        tuple(new ComponentChoice(ComponentKind.DISTILLER, "hinton-kd", new HintonParams(20, 0.9)), 1.0),
                        tuple(new ComponentChoice(ComponentKind.DISTILLER, "hint", new HintParams("relu1", "relu2",
                                false)), 0.5));
        assertThat(planValues(experiment.training().orElseThrow())).containsExactly(20, 64,
                new ComponentChoice(ComponentKind.OPTIMIZER, "sgd", new SgdParams(0.05, 0.9, 0)),
                new ComponentChoice(ComponentKind.SCHEDULE, "multi-step", new MultiStepParams(List.of(10, 15), 0.1)),
                new Augmentation(2, true), Selection.BEST_VALIDATION, false, 0.0, "no sampler");
        ExperimentTeacher teacher = (ExperimentTeacher) experiment.teacher().orElseThrow();
        assertThat(teacher.experiment().id()).isEqualTo("fixture/teacher");
        assertThat(teacher.fixedSeed()).isEqualTo(OptionalLong.of(7));
        assertThat(teacher.seedFor(1)).isEqualTo(7);
    }

    @Test
    void fillsEveryDefault() {
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL);

        assertThat(experiment.title()).isEmpty();
        assertThat(experiment.teacher()).isEmpty();
        assertThat(experiment.dataset().parameters()).isEqualTo(new TinyImagesParams(Source.EMBEDDED, null, null));
        assertThat(experiment.studentModel().parameters()).isEqualTo(new MlpParams(List.of(16, 16)));
        assertThat(experiment.distillers()).extracting(WeightedDistiller::distiller, WeightedDistiller::weight)
                .containsExactly(tuple(new ComponentChoice(ComponentKind.DISTILLER, "cross-entropy",
                        new NoParameters()), 1.0));
        assertThat(planValues(experiment.training().orElseThrow())).containsExactly(3, 128,
                new ComponentChoice(ComponentKind.OPTIMIZER, "sgd", new SgdParams(0.1, 0.9, 0)),
                new ComponentChoice(ComponentKind.SCHEDULE, "constant", new NoParameters()),
                Augmentation.NONE, Selection.LAST, true, 0.0, "no sampler");
    }

    @Test
    void theCanonicalJsonIsTheResolvedDescriptorWithSortedKeysAndItsHashIsItsSha256() throws Exception {
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL);

        assertThat(experiment.canonicalJson()).isEqualTo("{"
                + "\"dataset\":{\"name\":\"tiny-images\",\"params\":{\"directory\":null,\"source\":\"embedded\",\"train-size\":null}},"
                + "\"distillers\":[{\"name\":\"cross-entropy\",\"params\":{},\"weight\":1.0}],"
                + "\"experiment\":\"fixture/minimal\",\"profile\":\"\","
                + "\"student\":{\"model\":{\"family\":\"mlp\",\"params\":{\"hidden\":[16,16]}}},\"title\":\"\","
                + "\"training\":{\"augmentation\":{\"horizontal-flip\":false,\"jitter\":0},\"batch-size\":128,"
                + "\"epochs\":3,\"evaluate-test-every-epoch\":true,"
                + "\"optimizer\":{\"name\":\"sgd\",\"params\":{\"learning-rate\":0.1,\"momentum\":0.9,\"weight-decay\":0.0}},"
                + "\"schedule\":{\"name\":\"constant\",\"params\":{}},\"select\":\"last\"}}");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(experiment.canonicalJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(experiment.hash()).isEqualTo(sha256);
        assertThat(experiment.hash12()).isEqualTo(sha256.substring(0, 12));
    }

    @Test
    void anUnknownTopLevelKeyListsTheValidKeys() {
        assertThat(fixture.problems("""
                experiment: fixture/typo
                seeds: [1]
                dataset: {name: tiny-images}
                student: {model: {family: mlp}}
                distiller: {name: cross-entropy}
                traning: {epochs: 3}
                """)).containsExactly(
                new Problem("traning", "unknown key 'traning' (did you mean 'training'?); known keys: experiment, title,"
                        + " seeds, dataset, teacher, student, distiller, distillers, training, stages, retrieval, profiles"),
                new Problem("training", "missing required key 'training' (map): how the student is trained"));
    }

    @Test
    void missingSectionsAreAllReported() {
        assertThat(fixture.problems("experiment: fixture/empty\nseeds: [1]\n")).containsExactly(
                new Problem("distiller", "missing required key 'distiller' (one distiller: {name, params, weight}) or"
                        + " 'distillers' (a list of them, whose weighted losses are summed)"),
                new Problem("dataset", "missing required key 'dataset' (map naming a component and its params): the"
                        + " dataset component: {name, params}"),
                new Problem("student", "missing required key 'student' (map): the student: {model: {family, params}},"
                        + " or the teacher compressed: {compressor, aligner}"),
                new Problem("training", "missing required key 'training' (map): how the student is trained"));
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThat(fixture.problems("""
                experiment: 42
                title: 5
                seeds: 1
                dataset: tiny-images
                student: {model: {family: mlp, params: {hidden: "800"}}}
                distiller: {name: cross-entropy, weight: heavy}
                training: {epochs: many, select: best-on-test, augmentation: {jitter: -1, horizontal-flip: yes}}
                """)).containsExactly(
                new Problem("experiment", "expected an experiment id such as hinton2015/kd-t20, got the integer 42"),
                new Problem("title", "expected a string, got the integer 5"),
                new Problem("seeds", "expected a non-empty list of seeds (distinct integers >= 0), such as [1, 2, 3],"
                        + " got the integer 1"),
                new Problem("dataset", "expected a map with keys name, params, got the string 'tiny-images'"),
                new Problem("student.model.params.hidden", "expected a list of integers, got the string '800'"),
                new Problem("distiller.weight", "expected a number, got the string 'heavy'"),
                new Problem("training.epochs", "expected an integer, got the string 'many'"),
                new Problem("training.augmentation.jitter", "-1 is out of range: must be >= 0"),
                new Problem("training.augmentation.horizontal-flip", "expected true or false, got the string 'yes'"),
                new Problem("training.select", "'best-on-test' is not valid; expected one of: last, best-validation"));
    }

    @Test
    void experimentIdsAreLowerCaseSegmentsJoinedBySlashes() {
        for (String invalid : List.of("Hinton2015/KD", "a//b", "-x", "a/", "a b", "a_b")) {
            assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("fixture/minimal", "'" + invalid + "'")))
                    .singleElement().satisfies(problem -> {
                        assertThat(problem.path()).isEqualTo("experiment");
                        assertThat(problem.message()).startsWith("'" + invalid + "' is not a valid experiment id");
                    });
        }
        assertThat(fixture.valid(DescriptorFixture.MINIMAL.replace("fixture/minimal", "a/b-2/c3")).id()).isEqualTo("a/b-2/c3");
        assertThat(fixture.valid(DescriptorFixture.MINIMAL.replace("fixture/minimal", "single")).id()).isEqualTo("single");
    }

    @Test
    void aNetworkTooLargeForNativeMemoryIsAProblemOfItsModelNotAJvmCrash() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("model: {family: mlp}",
                "model: {family: mlp, params: {hidden: [2147483647]}}"))).singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("student.model");
                    assertThat(problem.message()).startsWith("the student network (mlp) has ")
                            .contains("parameters: its weights, gradients and optimizer state alone need about",
                                    "of native memory this JVM may use (-Dorg.bytedeco.javacpp.maxbytes)");
                });
    }

    @Test
    void experimentIdsStayWithinFileNameLimitsBeforeAnythingRuns() {
        String longSegment = "a".repeat(101);
        String longId = String.join("/", java.util.Collections.nCopies(3, "b".repeat(70)));

        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("fixture/minimal", "x/" + longSegment)))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("experiment");
                    assertThat(problem.message()).contains("is 101 characters long; each segment names a directory,"
                            + " so keep it to 100 characters or fewer");
                });
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("fixture/minimal", longId)))
                .singleElement().satisfies(problem -> assertThat(problem.message()).isEqualTo("the experiment id is"
                        + " 212 characters long; it names the run's directory path, so keep it to 200 characters or"
                        + " fewer"));
        assertThat(fixture.valid(DescriptorFixture.MINIMAL.replace("fixture/minimal", "c".repeat(100))).id())
                .hasSize(100);
    }

    @Test
    void seedsAreANonEmptyListOfDistinctNonNegativeIntegers() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("[1, 2]", "[]"))).containsExactly(new Problem("seeds",
                "expected a non-empty list of seeds (distinct integers >= 0), such as [1, 2, 3], got an empty list"));
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("[1, 2]", "[1, -2, 1.5, 1]"))).containsExactly(
                new Problem("seeds[1]", "expected a seed (an integer >= 0), got the integer -2"),
                new Problem("seeds[2]", "expected a seed (an integer >= 0), got the number 1.5"),
                new Problem("seeds[3]", "seed 1 is listed twice (also at seeds[0]); seeds must be distinct"));
    }

    @Test
    void exactlyOneOfDistillerAndDistillers() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + "distillers: [{name: hinton-kd}]\n")).contains(
                new Problem("distillers", "give either 'distiller' (one distiller) or 'distillers' (a list whose losses"
                        + " are summed), not both"));
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("distiller: {name: cross-entropy}", "distillers: []")))
                .containsExactly(new Problem("distillers", "expected at least one distiller"));
    }

    @Test
    void unknownComponentsListTheAvailableOnes() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL
                .replace("{name: tiny-images}", "{name: cifar-100, params: {x: 1}}")
                .replace("{epochs: 3}", "{epochs: 3, optimizer: {name: sgdd, params: {learning-rate: 0}}}"))).containsExactly(
                new Problem("dataset.name", "unknown dataset 'cifar-100'; available: tiny-images"),
                new Problem("training.optimizer.name",
                        "unknown optimizer 'sgdd' (did you mean 'sgd'?); available: adam, sgd"),
                new Problem("training.optimizer.params.learning-rate",
                        "0.0 is out of range: must be > 0 (checked against 'sgd')"));
    }

    @Test
    void theStudentModelIsNamedByFamily() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("{family: mlp}", "{name: mlp}"))).containsExactly(
                new Problem("student.model.name", "unknown key 'name'; known keys: family, params"),
                new Problem("student.model.family", "missing required key 'family' (string): the model family's name"));
    }

    @Test
    void aDistillersWeightIsPositive() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("{name: cross-entropy}", "{name: cross-entropy, weight: 0}")))
                .containsExactly(new Problem("distiller.weight", "0.0 is out of range: must be > 0"));
    }

    @Test
    void aComponentThatFailsToBuildIsReportedWhereItIsNamed() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL.replace("family: mlp", "family: unbuildable"))).containsExactly(
                new Problem("student.model", "cannot build the student network ('unbuildable' for 1x8x8 inputs and 3"
                        + " classes): inputs of 1x8x8 are too small"));
    }

    @Test
    void yamlProblemsAreReported() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + "seeds: [3]\n")).containsExactly(
                new Problem("seeds", "line 8: key 'seeds' is given twice (first on line 2); keep one"));
        assertThat(fixture.problems("")).containsExactly(new Problem("", "the descriptor is empty; it needs at least"
                + " experiment, seeds, dataset, student, distiller (or distillers) and training"));
        assertThat(fixture.problems("[1, 2]")).containsExactly(new Problem("", "expected a map of keys (experiment,"
                + " seeds, dataset, student, distiller, training, ...), got a list of 2 items"));
        assertThat(fixture.parser.parse(directory.resolve("absent.yaml")).problems()).singleElement()
                .extracting(Problem::message).asString().startsWith("no such file");
    }

    @Test
    void theKernelInjectsAParser() {
        DescriptorParser parser = org.distill4j.kernel.Kernel.start(List.of(new FakePlugin())).getInstance(DescriptorParser.class);

        assertThat(parser.parse(fixture.write("injected.yaml", DescriptorFixture.MINIMAL)).isValid()).isTrue();
    }

    @Test
    void anInvalidResultThrowsWithEveryProblemListed() {
        ParseResult result = fixture.parse("broken.yaml", "experiment: x\nseeds: [1]\n");

        assertThatThrownBy(result::orElseThrow).isInstanceOf(InvalidDescriptorException.class)
                .hasMessageStartingWith(directory.resolve("broken.yaml").toAbsolutePath() + " has 4 problems:\n  distiller: ")
                .hasMessageContaining("\n  training: missing required key 'training'");
    }

    /** A plan's values in declaration order, its components as the choices they resolved to. */
    private static List<Object> planValues(TrainingPlan plan) {
        return List.of(plan.epochs(), plan.batchSize(), plan.optimizer().choice(), plan.schedule().choice(),
                plan.augmentation(), plan.select(), plan.evaluateTestEveryEpoch(), plan.batchNormL1(),
                plan.sampler() == null ? "no sampler" : plan.sampler());
    }

}
