package org.distill4j.kernel.descriptor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Overrides vary one value of a descriptor: a variant with its own identity, validated like the file. */
class OverrideTest {

    private static final String STUDENT = """
            experiment: fixture/kd
            seeds: [1]
            dataset: {name: tiny-images}
            teacher: {experiment: teacher.yaml}
            student: {model: {family: mlp}}
            distiller: {name: hinton-kd, params: {temperature: 4}}
            training: {epochs: 3}
            profiles:
              quick: {training: {epochs: 1}}
            """;
    private static final String TEACHER = """
            experiment: fixture/teacher
            seeds: [1]
            dataset: {name: tiny-images}
            student: {model: {family: mlp}}
            distiller: {name: cross-entropy}
            training: {epochs: 3}
            profiles:
              quick: {training: {epochs: 1}}
            """;

    @TempDir
    Path directory;
    private DescriptorFixture fixture;
    private Path student;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
        fixture.write("teacher.yaml", TEACHER);
        student = fixture.write("kd.yaml", STUDENT);
    }

    @Test
    void anOverrideChangesTheValueAndTheIdentityButNotTheTeacher() {
        ResolvedExperiment plain = fixture.parser.parse(student, Optional.of("quick")).orElseThrow();
        ResolvedExperiment hot = fixture.parser.parse(student, Optional.of("quick"),
                List.of(DescriptorOverride.parse("distiller.params.temperature=20"))).orElseThrow();

        assertThat(hot.hash()).isNotEqualTo(plain.hash());
        assertThat(hot.id()).isEqualTo(plain.id());
        assertThat(hot.canonicalJson()).contains("\"temperature\":20.0").doesNotContain("\"temperature\":4.0");
        assertThat(hot.training().orElseThrow().epochs()).isEqualTo(1);
        assertThat(((ExperimentTeacher) hot.teacher().orElseThrow()).experiment().hash())
                .isEqualTo(((ExperimentTeacher) plain.teacher().orElseThrow()).experiment().hash());
    }

    @Test
    void anOverriddenValueIsValidatedAtItsPath() {
        ParseResult result = fixture.parser.parse(student, Optional.empty(),
                List.of(DescriptorOverride.parse("distiller.params.temperature=-1")));

        assertThat(result.problems()).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo("distiller.params.temperature");
            assertThat(problem.message()).contains("out of range");
        });
    }

    @Test
    void malformedOverridesAreRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> DescriptorOverride.parse("temperature")).hasMessageContaining("path=value");
        assertThatThrownBy(() -> DescriptorOverride.parse("Distiller.params=1")).hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> DescriptorOverride.parse("seeds=[4]")).hasMessageContaining("cannot be overridden");
    }
}
