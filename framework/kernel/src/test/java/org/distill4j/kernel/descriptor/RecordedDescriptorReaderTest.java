package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's resolved.json turns back into the experiment that wrote it, with the same identity. */
class RecordedDescriptorReaderTest {

    private static final String TEACHER = """
            experiment: fixture/teacher
            seeds: [1]
            dataset: {name: tiny-images, params: {directory: data}}
            student: {model: {family: mlp, params: {hidden: [64]}}}
            distiller: {name: cross-entropy}
            training: {epochs: 5}
            profiles:
              quick: {training: {epochs: 1}}
            """;
    private static final String STUDENT = """
            experiment: fixture/student
            title: KD at T=4
            seeds: [1, 2]
            dataset: {name: tiny-images, params: {directory: data}}
            teacher: {experiment: teacher.yaml, seed: 7}
            student: {model: {family: mlp, params: {hidden: [8]}}}
            distiller: {name: hinton-kd, params: {temperature: 4}}
            training:
              epochs: 3
              optimizer: {name: sgd, params: {learning-rate: 0.1}}
              schedule: {name: multi-step, params: {milestones: [2]}}
            profiles:
              quick: {training: {epochs: 2}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private DescriptorFixture fixture;
    private RecordedDescriptorReader reader;
    private final Map<String, ResolvedExperiment> parsed = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
        fixture.write("teacher.yaml", TEACHER);
        var kernel = Kernel.start(List.of(new FakePlugin()));
        reader = new RecordedDescriptorReader(kernel.getInstance(ComponentRegistry.class),
                kernel.getInstance(ComponentFactory.class), new ParameterBinder(Map.of("MODELS", "/models")));
    }

    @Test
    void aRecordedStudentAndItsTeacherKeepTheirIdentity() throws Exception {
        Path descriptor = fixture.write("student.yaml", STUDENT);
        List<DescriptorOverride> overrides = List.of(DescriptorOverride.parse("distiller.params.alpha=0.5"));
        ResolvedExperiment original = fixture.parser.parse(descriptor, Optional.of("quick"), overrides).orElseThrow();
        remember(original);
        Path copy = directory.resolve("run/descriptor.yaml");

        ResolvedExperiment rebuilt = reader.read(recorded(original, List.of(2L), copy, overrides), this::lookUp)
                .orElseThrow();

        assertThat(rebuilt.canonicalJson()).isEqualTo(original.canonicalJson());
        assertThat(rebuilt.hash()).isEqualTo(original.hash());
        assertThat(rebuilt.profile()).isEqualTo("quick");
        assertThat(rebuilt.seeds()).containsExactly(2L);
        assertThat(rebuilt.source()).isEqualTo(copy);
        assertThat(rebuilt.overrides()).isEqualTo(overrides);
        assertThat(List.of(rebuilt.title(), rebuilt.dataset(), rebuilt.studentModel(), rebuilt.distillers(),
                rebuilt.training())).isEqualTo(List.of(original.title(), original.dataset(), original.studentModel(),
                original.distillers(), original.training()));
        ExperimentTeacher teacher = (ExperimentTeacher) rebuilt.teacher().orElseThrow();
        ExperimentTeacher originalTeacher = (ExperimentTeacher) original.teacher().orElseThrow();
        assertThat(teacher.fixedSeed()).isEqualTo(originalTeacher.fixedSeed());
        assertThat(teacher.experiment().hash()).isEqualTo(originalTeacher.experiment().hash());
        assertThat(teacher.experiment().training()).isEqualTo(originalTeacher.experiment().training());
    }

    @Test
    void aFileTeacherAndRelativePathsResolveAgainstTheGivenDirectory() throws Exception {
        String sha256 = "ab".repeat(32);
        ResolvedExperiment original = fixture.valid(STUDENT.replace("{experiment: teacher.yaml, seed: 7}",
                "{file: '${MODELS}/t.zip', sha256: " + sha256 + "}"));

        ResolvedExperiment rebuilt = reader.read(recorded(original, List.of(1L), original.source(), List.of()),
                this::lookUp).orElseThrow();

        assertThat(rebuilt.hash()).isEqualTo(original.hash());
        assertThat(rebuilt.teacher()).isEqualTo(original.teacher());
        assertThat(rebuilt.dataset()).isEqualTo(original.dataset());
        assertThat(((FakePlugin.TinyImagesParams) rebuilt.dataset().parameters()).directory())
                .isEqualTo(directory.resolve("data").toString());
    }

    @Test
    void aTeacherThatCannotBeFoundIsAProblemAtTheTeacher() throws Exception {
        ResolvedExperiment original = fixture.valid(STUDENT);
        TeacherLookup nowhere = (id, hash) -> ParseResult.invalid(directory.resolve("results"),
                List.of(new Problem("", "no recorded run of " + id)));

        ParseResult result = reader.read(recorded(original, List.of(1L), original.source(), List.of()), nowhere);

        assertThat(result.problems()).containsExactly(new Problem("teacher.experiment(fixture/teacher)",
                "no recorded run of fixture/teacher"));
    }

    @Test
    void aTeacherLookupThatGivesAnotherExperimentIsAProblem() throws Exception {
        ResolvedExperiment original = fixture.valid(STUDENT);
        ResolvedExperiment other = fixture.valid(DescriptorFixture.MINIMAL);

        ParseResult result = reader.read(recorded(original, List.of(1L), original.source(), List.of()),
                (id, hash) -> ParseResult.valid(other));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("teacher.experiment");
            assertThat(problem.message()).contains("gave fixture/minimal");
        });
    }

    @Test
    void aTreeThatIsNotACanonicalFormIsRejectedWithWhatWasExpected() throws Exception {
        ResolvedExperiment original = fixture.valid(DescriptorFixture.MINIMAL);
        ObjectNode withoutProfile = (ObjectNode) JSON.readTree(original.canonicalJson());
        withoutProfile.remove("profile");
        ObjectNode unknownKey = (ObjectNode) JSON.readTree(original.canonicalJson());
        ((ObjectNode) unknownKey.get("training")).put("epoch", 3);

        ParseResult missing = reader.read(new RecordedDescriptor(directory.resolve("resolved.json"), withoutProfile,
                List.of(1L), original.source(), directory, List.of()), this::lookUp);
        ParseResult unknown = reader.read(new RecordedDescriptor(directory.resolve("resolved.json"), unknownKey,
                List.of(1L), original.source(), directory, List.of()), this::lookUp);

        assertThat(missing.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("resolved.json", "without a 'profile' string"));
        assertThat(unknown.problems()).extracting(Problem::path).containsExactly("training.epoch");
    }

    // A recorded run: its resolved.json as written (pretty), read back as a tree.
    private RecordedDescriptor recorded(ResolvedExperiment experiment, List<Long> seeds, Path source,
            List<DescriptorOverride> overrides) throws Exception {
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(experiment.canonicalJson()));
        return new RecordedDescriptor(directory.resolve("resolved.json"), JSON.readTree(pretty), seeds, source,
                experiment.source().getParent(), overrides);
    }

    private void remember(ResolvedExperiment experiment) {
        parsed.put(experiment.hash(), experiment);
        experiment.teacher().filter(ExperimentTeacher.class::isInstance).map(ExperimentTeacher.class::cast)
                .ifPresent(teacher -> remember(teacher.experiment()));
    }

    // Rebuilds a teacher from its own canonical form, as a result store would from the teacher's resolved.json.
    private ParseResult lookUp(String id, String hash) {
        ResolvedExperiment teacher = parsed.get(hash);
        if (teacher == null) {
            return ParseResult.invalid(directory, List.of(new Problem("", "unknown teacher " + id)));
        }
        try {
            JsonNode tree = JSON.readTree(teacher.canonicalJson());
            return reader.read(new RecordedDescriptor(directory.resolve("teacher.json"), tree, List.of(7L),
                    teacher.source(), teacher.source().getParent(), List.of()), this::lookUp);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
