package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.FakePlugin.MlpParams;
import org.distill4j.kernel.descriptor.FakePlugin.SgdParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilesTest {

    private static final String BASE = """
            experiment: fixture/profiles
            seeds: [1]
            dataset: {name: tiny-images}
            student:
              model: {family: mlp, params: {hidden: [32, 32, 32]}}
            distiller: {name: cross-entropy}
            training:
              epochs: 20
              batch-size: 64
              optimizer: {name: sgd, params: {learning-rate: 0.1, momentum: 0.5}}
            profiles:
              quick:
                training: {epochs: 2, optimizer: {params: {learning-rate: 0.2}}}
                student: {model: {params: {hidden: [8]}}}
              full: {dataset: {params: {source: debian}}}
              distilled:
                distiller: ~
                distillers: [{name: cross-entropy}, {name: cross-entropy, weight: 0.5}]
            """;

    @TempDir
    Path directory;
    private DescriptorFixture fixture;
    private Path descriptor;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
        descriptor = fixture.write("experiment.yaml", BASE);
    }

    private ResolvedExperiment parse(String profile) {
        return fixture.parser.parse(descriptor, Optional.of(profile)).orElseThrow();
    }

    @Test
    void mapsMergeAndListsAndScalarsReplace() {
        ResolvedExperiment quick = parse("quick");

        assertThat(quick.profile()).isEqualTo("quick");
        assertThat(quick.training().orElseThrow().epochs()).isEqualTo(2);
        assertThat(quick.training().orElseThrow().batchSize()).isEqualTo(64);
        assertThat(quick.training().orElseThrow().optimizer().choice().parameters())
                .isEqualTo(new SgdParams(0.2, 0.5, 0));
        assertThat(quick.studentModel().parameters()).isEqualTo(new MlpParams(List.of(8)));
        assertThat(quick.canonicalJson()).contains("\"profile\":\"quick\"");
    }

    @Test
    void nullInAProfileRemovesAKey() {
        assertThat(parse("distilled").distillers()).extracting(WeightedDistiller::weight).containsExactly(1.0, 0.5);
    }

    @Test
    void eachProfileIsItsOwnIdentity() {
        ResolvedExperiment base = fixture.parser.parse(descriptor).orElseThrow();

        assertThat(base.profile()).isEmpty();
        assertThat(List.of(base.hash(), parse("quick").hash(), parse("full").hash(), parse("distilled").hash()))
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnknownProfileListsTheProfilesTheDescriptorHas() {
        assertThat(fixture.problems(descriptor, "quik")).containsExactly(new Problem("profiles",
                "no profile 'quik' (did you mean 'quick'?); this descriptor has: quick, full, distilled"));
        Path plain = fixture.write("plain.yaml", DescriptorFixture.MINIMAL);
        assertThat(fixture.problems(plain, "quick")).containsExactly(
                new Problem("profiles", "no profile 'quick': this descriptor has no profiles"));
    }

    @Test
    void problemsAtValuesTheProfileWroteAreReportedUnderTheProfile() {
        String hint = DescriptorFixture.MINIMAL.replace("{name: cross-entropy}",
                "{name: hint, params: {student-layer: relu2, teacher-layer: logits}}") + """
                teacher: {file: t.zip, sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
                profiles:
                  quick:
                    training: {epochs: 0, optimizer: {name: sdg}}
                    student: {model: {params: {hidden: [8]}}}
                """;
        Path bad = fixture.write("bad.yaml", hint);
        Path narrow = fixture.write("narrow.yaml", hint.replace("epochs: 0, optimizer: {name: sdg}", "epochs: 1"));

        assertThat(fixture.problems(bad, "quick")).containsExactly(
                new Problem("profiles.quick.training.epochs", "0 is out of range: must be >= 1"),
                new Problem("profiles.quick.training.optimizer.name",
                        "unknown optimizer 'sdg' (did you mean 'sgd'?); available: adam, sgd"));
        assertThat(fixture.problems(narrow, "quick")).containsExactly(
                new Problem("distiller", "distiller 'hint' taps 'relu2', which is not a vertex of the student network"
                        + " (mlp) (did you mean 'relu1'?); its vertices: dense1, relu1, logits (with profile 'quick')"));
    }

    @Test
    void theProfilesSectionIsChecked() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + "profiles: 3\n")).containsExactly(new Problem("profiles",
                "expected a map of profile names to partial descriptors, such as {quick: {training: {epochs: 2}}},"
                        + " got the integer 3"));
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + """
                profiles:
                  Quick: {}
                  full: 3
                  nested: {profiles: {}}
                """)).containsExactly(
                new Problem("profiles.Quick", "'Quick' is not a valid profile name: use lower-case letters, digits and"
                        + " hyphens, starting with a letter or digit"),
                new Problem("profiles.full", "expected a map (a partial descriptor merged over this one), got the integer 3"),
                new Problem("profiles.nested.profiles", "a profile cannot define profiles"));
    }

    @Test
    void teachersAreResolvedWithTheStudentsProfile() {
        fixture.write("teacher.yaml", DescriptorFixture.MINIMAL.replace("fixture/minimal", "fixture/teacher")
                + "profiles: {quick: {training: {epochs: 1}}}\n");
        Path student = fixture.write("student.yaml", DescriptorFixture.MINIMAL.replace("cross-entropy", "hinton-kd")
                + "teacher: {experiment: teacher.yaml}\nprofiles: {quick: {training: {epochs: 2}}, full: {}}\n");

        ResolvedExperiment quick = fixture.parser.parse(student, Optional.of("quick")).orElseThrow();

        ResolvedExperiment teacher = ((ExperimentTeacher) quick.teacher().orElseThrow()).experiment();
        assertThat(teacher.profile()).isEqualTo("quick");
        assertThat(teacher.training().orElseThrow().epochs()).isEqualTo(1);
        assertThat(fixture.problems(student, "full")).containsExactly(new Problem("teacher.experiment(teacher.yaml).profiles",
                "no profile 'full'; this descriptor has: quick (with profile 'full')"));
    }

    @Test
    void validateChecksTheBaseAndEveryProfile() {
        Path checked = fixture.write("checked.yaml", DescriptorFixture.MINIMAL + """
                profiles:
                  quick: {training: {epochs: 0}}
                  full: {}
                  wide: {student: {model: {params: {hidden: [0]}}}}
                """);

        assertThat(fixture.parser.validate(checked)).containsExactly(
                new Problem("profiles.quick.training.epochs", "0 is out of range: must be >= 1"),
                new Problem("profiles.wide.student.model.params.hidden[0]", "0 is out of range: must be >= 1"));
        assertThat(fixture.parser.validate(descriptor)).isEmpty();
    }

    @Test
    void listsAProfilesNamesInTheOrderWritten() {
        assertThat(fixture.parser.profiles(descriptor)).containsExactly("quick", "full", "distilled");
        assertThat(fixture.parser.profiles(fixture.write("plain.yaml", DescriptorFixture.MINIMAL))).isEmpty();
        assertThatThrownBy(() -> fixture.parser.profiles(fixture.write("broken.yaml", "a: [")))
                .isInstanceOf(InvalidDescriptorException.class).hasMessageContaining("invalid YAML");
    }
}
