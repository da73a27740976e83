package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.NoParameters;
import org.distill4j.api.Problem;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code student.source}: the trained network a derived model family ('designed' among the fakes) designs the student
 * from, bound like an experiment teacher.
 */
class StudentSourceTest {

    private static final String SOURCE = """
            experiment: fixture/source
            seeds: [1]
            dataset: {name: tiny-images}
            student: {model: {family: mlp, params: {hidden: [64, 32]}}}
            distiller: {name: cross-entropy}
            training: {epochs: 5}
            profiles:
              quick: {training: {epochs: 1}}
            """;
    private static final String DERIVED = """
            experiment: fixture/derived
            seeds: [1, 2]
            dataset: {name: tiny-images}
            student:
              model: {family: designed}
              source: {experiment: source.yaml}
            distiller: {name: cross-entropy}
            training: {epochs: 3}
            profiles:
              quick: {training: {epochs: 2}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private DescriptorFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
        fixture.write("source.yaml", SOURCE);
    }

    @Test
    void aDerivedStudentReadsItsSourceExperimentWhichEntersItsIdentity() {
        ResolvedExperiment experiment = fixture.valid(DERIVED);

        ExperimentTeacher source = experiment.student().designSource().orElseThrow();
        assertThat(source.experiment().id()).isEqualTo("fixture/source");
        assertThat(source.fixedSeed()).isEmpty();
        assertThat(experiment.studentModel().name()).isEqualTo("designed");
        assertThat(experiment.teacher()).isEmpty();
        assertThat(experiment.canonicalJson()).contains("\"student\":{"
                + "\"model\":{\"family\":\"designed\",\"params\":{}},"
                + "\"source\":{\"experiment\":\"fixture/source\",\"hash\":\"" + source.experiment().hash()
                + "\",\"seed\":\"same\"}}");

        ResolvedExperiment fixed = fixture.valid(DERIVED.replace("{experiment: source.yaml}",
                "{experiment: source.yaml, seed: 4}"));
        assertThat(fixed.student().designSource().orElseThrow().fixedSeed()).isEqualTo(OptionalLong.of(4));
        assertThat(fixed.hash()).isNotEqualTo(experiment.hash());
        fixture.write("source.yaml", SOURCE.replace("{epochs: 5}", "{epochs: 6}"));
        assertThat(fixture.valid(DERIVED).hash()).as("changing the source changes the student").isNotEqualTo(
                experiment.hash());
    }

    @Test
    void aStudentWithoutSourceKeepsItsCanonicalForm() {
        assertThat(fixture.valid(DescriptorFixture.MINIMAL).canonicalJson()).doesNotContain("\"source\":{")
                .contains("\"student\":{\"model\":{\"family\":\"mlp\",\"params\":{\"hidden\":[16,16]}}}");
        assertThat(fixture.valid(DescriptorFixture.MINIMAL).student().designSource()).isEmpty();
    }

    @Test
    void theSourceIsResolvedWithTheStudentsProfile() {
        ResolvedExperiment experiment = fixture.parser.parse(fixture.write("derived.yaml", DERIVED),
                Optional.of("quick")).orElseThrow();

        ResolvedExperiment source = experiment.student().designSource().orElseThrow().experiment();
        assertThat(source.profile()).isEqualTo("quick");
        assertThat(source.training().orElseThrow().epochs()).isEqualTo(1);
    }

    @Test
    void aDerivedFamilyNeedsASource() {
        assertThat(fixture.problems(DERIVED.replace("  source: {experiment: source.yaml}\n", ""))).containsExactly(
                new Problem("student.source", "family 'designed' derives the student from a trained network: add"
                        + " student.source: {experiment: <pruned teacher descriptor>}"));
    }

    @Test
    void aFamilyThatIsNotDerivedTakesNoSource() {
        assertThat(fixture.problems(DERIVED.replace("family: designed", "family: mlp"))).containsExactly(
                new Problem("student.source", "family 'mlp' builds its architecture from its params and reads no"
                        + " source network; remove 'source', or use a derived family (one that designs the student"
                        + " from a trained network, such as sparsity-matched)"));
    }

    @Test
    void aSourceIsAnExperimentNotAModelFile() {
        assertThat(fixture.problems(DERIVED.replace("{experiment: source.yaml}",
                "{file: source.zip, sha256: " + "ab".repeat(32) + "}"))).containsExactly(
                new Problem("student.source.file", "a derived model family designs the student from its source's"
                        + " architecture (the source experiment's model family), which only an experiment gives, not"
                        + " a model file; write source: {experiment: <pruned teacher descriptor>}"));
        assertThat(fixture.problems(DERIVED.replace("{experiment: source.yaml}", "{seed: 3}"))).containsExactly(
                new Problem("student.source", "missing required key 'experiment': the descriptor of the trained"
                        + " network the student is designed from (a pruned teacher), relative to this descriptor's"
                        + " directory"));
        assertThat(fixture.problems(DERIVED.replace("{experiment: source.yaml}", "{experiment: absent.yaml}")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("student.source.experiment");
                    assertThat(problem.message()).startsWith("no source descriptor at ");
                });
    }

    @Test
    void aSourceGoesWithAModelNotWithACompressor() {
        ResolvedExperiment source = fixture.valid(SOURCE);
        ResolvedTeacher section = new ResolvedTeacher(new ExperimentTeacher(source, OptionalLong.empty()),
                JsonNodeFactory.instance.objectNode());
        ResolvedComponent compressor = new ResolvedComponent(new ComponentChoice(ComponentKind.COMPRESSOR, "shrink",
                new NoParameters()), JsonNodeFactory.instance.objectNode());

        assertThatThrownBy(() -> new DescriptorDocument.Student(null, compressor, null, section))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'source' is the trained network a derived model family designs the student from; a"
                        + " compressed student has no model family: give 'model' with 'source', or remove 'source'");
    }

    @Test
    void theSourceProblemsCarryItsFileNameAndCyclesAreFound() {
        fixture.write("bad.yaml", SOURCE.replace("{epochs: 5}", "{epochs: 0}"));
        assertThat(fixture.problems(DERIVED.replace("source.yaml", "bad.yaml"))).containsExactly(new Problem(
                "student.source.experiment(bad.yaml).training.epochs", "0 is out of range: must be >= 1"));

        Path self = fixture.write("self.yaml", DERIVED.replace("source.yaml", "self.yaml"));
        assertThat(fixture.parser.parse(self).problems()).containsExactly(new Problem("student.source.experiment",
                "source cycle: " + DescriptorPaths.identity(self) + " -> " + DescriptorPaths.identity(self)
                        + "; a descriptor cannot be its own source"));
    }

    @Test
    void theSourceUsesTheStudentsDatasetAndIsNoDerivedStudentItself() {
        fixture.write("other.yaml", SOURCE.replace("{name: tiny-images}",
                "{name: tiny-images, params: {source: debian}}"));
        Problem otherData = fixture.problems(DERIVED.replace("source.yaml", "other.yaml")).get(0);
        assertThat(otherData.path()).isEqualTo("student.source.experiment");
        assertThat(otherData.message()).startsWith("the source experiment 'fixture/source' uses dataset 'tiny-images'")
                .endsWith("a source must use the same dataset (name and parameters; parameters that only draw a"
                        + " subset (train-size) may differ)");
        assertThat(fixture.problems(DERIVED.replace("source.yaml", "other.yaml"))).hasSize(1);

        fixture.write("derived.yaml", DERIVED);
        assertThat(fixture.problems(DERIVED.replace("source.yaml", "derived.yaml").replace("fixture/derived",
                "fixture/twice"))).containsExactly(new Problem("student.source.experiment", "the source experiment"
                + " 'fixture/derived' is itself a derived student (family 'designed'), whose architecture is only known"
                + " once it runs; give an experiment whose model family gives its architecture (a teacher, or a"
                + " teacher pruned without changing its widths)"));
    }

    @Test
    void aDerivedStudentsTapsAreCheckedByNameAgainstItsSourcesArchitecture() {
        String hint = DERIVED.replace("{name: cross-entropy}", "{name: hint, params: {student-layer: %s,"
                + " teacher-layer: relu1, same-size: true}}") + "teacher: {experiment: source.yaml}\n";

        // relu2 is a vertex of the source (hidden [64, 32]); its width (16 after the design) is unknown before the
        // run, so the hint's same-size check, which would fail against the teacher's relu1 (64), is not made.
        assertThat(fixture.parse("hint.yaml", hint.formatted("relu2")).isValid()).isTrue();
        assertThat(fixture.problems(hint.formatted("relu3"))).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("distiller");
            assertThat(problem.message()).startsWith("distiller 'hint' taps 'relu3', which is not a vertex of the"
                    + " student network (mlp)");
        });
    }

    @Test
    void aDerivedTeachersTapsAreCheckedByName() {
        fixture.write("derived.yaml", DERIVED);
        String student = DescriptorFixture.MINIMAL.replace("{name: cross-entropy}", "{name: hint, params:"
                + " {student-layer: relu1, teacher-layer: %s, same-size: true}}")
                + "teacher: {experiment: derived.yaml}\n";

        assertThat(fixture.parse("student.yaml", student.formatted("relu2")).isValid()).isTrue();
        assertThat(fixture.problems(student.formatted("relu9"))).singleElement()
                .extracting(Problem::message).asString().contains("taps 'relu9', which is not a vertex of the teacher");
    }

    @Test
    void aRecordedDerivedStudentReadsBackToTheSameIdentity() {
        Path descriptor = fixture.write("derived.yaml", DERIVED.replace("{experiment: source.yaml}",
                "{experiment: source.yaml, seed: 3}"));
        ResolvedExperiment original = fixture.parser.parse(descriptor, Optional.of("quick")).orElseThrow();
        ResolvedExperiment source = original.student().designSource().orElseThrow().experiment();
        var kernel = Kernel.start(List.of(new FakePlugin()));
        RecordedDescriptorReader reader = new RecordedDescriptorReader(kernel.getInstance(ComponentRegistry.class),
                kernel.getInstance(ComponentFactory.class), new ParameterBinder(Map.of()));
        TeacherLookup lookUp = (id, hash) -> hash.equals(source.hash()) ? reader.read(new RecordedDescriptor(
                directory.resolve("source.json"), tree(source), List.of(3L), source.source(),
                source.source().getParent(), List.of()), (otherId, otherHash) -> ParseResult.invalid(directory,
                List.of(new Problem("", "no run of " + otherId))))
                : ParseResult.invalid(directory, List.of(new Problem("", "no run of " + id)));

        ResolvedExperiment rebuilt = reader.read(new RecordedDescriptor(directory.resolve("resolved.json"),
                tree(original), List.of(1L), descriptor, directory, List.of()), lookUp).orElseThrow();

        assertThat(rebuilt.hash()).isEqualTo(original.hash());
        assertThat(rebuilt.canonicalJson()).isEqualTo(original.canonicalJson());
        assertThat(rebuilt.student().designSource().orElseThrow().fixedSeed()).isEqualTo(OptionalLong.of(3));
        assertThat(rebuilt.student().designSource().orElseThrow().experiment().hash()).isEqualTo(source.hash());
    }

    private static JsonNode tree(ResolvedExperiment experiment) {
        try {
            return JSON.readTree(experiment.canonicalJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
