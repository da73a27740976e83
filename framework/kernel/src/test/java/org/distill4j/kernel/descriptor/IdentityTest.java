package org.distill4j.kernel.descriptor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An experiment's identity is its resolved descriptor, not the text that spelled it. */
class IdentityTest {

    private static final String BASE = """
            experiment: fixture/identity
            title: KD
            seeds: [1, 2]
            dataset: {name: tiny-images, params: {directory: data}}
            student: {model: {family: mlp, params: {hidden: [16, 16]}}}
            distiller: {name: hinton-kd, params: {temperature: 4, alpha: 0.5}}
            teacher: {experiment: teacher.yaml}
            training:
              epochs: 3
              optimizer: {name: sgd, params: {learning-rate: 0.1}}
            """;
    private static final String TEACHER = """
            experiment: fixture/teacher
            seeds: [1]
            dataset: {name: tiny-images, params: {directory: data}}
            student: {model: {family: mlp}}
            distiller: {name: cross-entropy}
            training: {epochs: 3}
            """;

    @TempDir
    Path directory;
    private DescriptorFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
        fixture.write("teacher.yaml", TEACHER);
    }

    private String hash(String yaml) {
        return fixture.valid(yaml).hash();
    }

    @Test
    void reformattingReorderingAndSpellingDefaultsOutKeepTheHash() {
        String spelledOut = """
                # the same experiment, written differently
                training:
                  select: last
                  evaluate-test-every-epoch: true
                  augmentation: {jitter: 0, horizontal-flip: false}
                  schedule:
                    name: constant
                    params: {}
                  optimizer:
                    params:
                      weight-decay: 0
                      momentum: 9e-1
                      learning-rate: 1.0e-1
                    name: sgd
                  batch-size: 128
                  epochs: 3
                distillers:
                  - name: hinton-kd
                    weight: 1
                    params: {alpha: .5, temperature: 4.0}
                teacher:
                  seed: same
                  experiment: ./teacher.yaml
                student:
                  model:
                    params:
                      hidden:
                        - 16
                        - 16
                    family: mlp
                dataset:
                  params: {source: embedded, directory: data}
                  name: tiny-images
                seeds: [1, 2]
                title: "KD"
                experiment: "fixture/identity"
                """;

        assertThat(hash(spelledOut)).isEqualTo(hash(BASE));
    }

    @Test
    void addingASeedKeepsTheHash() {
        assertThat(hash(BASE.replace("seeds: [1, 2]", "seeds: [1, 2, 3]"))).isEqualTo(hash(BASE));
    }

    @Test
    void addingAProfileKeepsTheHashOfTheOthers() {
        assertThat(hash(BASE + "profiles: {quick: {training: {epochs: 1}}}\n")).isEqualTo(hash(BASE));
    }

    @Test
    void changingAnyParameterChangesTheHash() {
        String base = hash(BASE);
        Map<String, String> changes = Map.of(
                "epochs: 3", "epochs: 4",
                "learning-rate: 0.1", "learning-rate: 0.2",
                "hidden: [16, 16]", "hidden: [16, 17]",
                "temperature: 4", "temperature: 5",
                "title: KD", "title: KD2",
                "experiment: fixture/identity", "experiment: fixture/identity2",
                "{experiment: teacher.yaml}", "{experiment: teacher.yaml, seed: 0}",
                "epochs: 3\n  optimizer", "epochs: 3\n  batch-size: 64\n  optimizer");
        changes.forEach((from, to) -> {
            assertThat(BASE).contains(from);
            assertThat(hash(BASE.replace(from, to))).as("%s -> %s", from, to).isNotEqualTo(base);
        });
    }

    @Test
    void changingTheDatasetChangesTheHash() {
        String before = hash(BASE);
        fixture.write("teacher.yaml", TEACHER.replace("{directory: data}", "{directory: data, source: debian}"));

        assertThat(hash(BASE.replace("{directory: data}", "{directory: data, source: debian}"))).isNotEqualTo(before);
    }

    @Test
    void changingTheTeacherChangesTheStudentsHash() {
        String before = hash(BASE);
        fixture.write("teacher.yaml", TEACHER.replace("{epochs: 3}", "{epochs: 4}"));

        assertThat(hash(BASE)).isNotEqualTo(before);
    }

    @Test
    void pathsCountAsWrittenSoMovingTheDescriptorsKeepsTheHash() {
        DescriptorFixture elsewhere = new DescriptorFixture(directory.resolve("moved"));
        elsewhere.write("teacher.yaml", TEACHER);

        ResolvedExperiment moved = elsewhere.valid(BASE);
        ResolvedExperiment original = fixture.valid(BASE);

        assertThat(moved.hash()).isEqualTo(original.hash());
        assertThat(moved.dataset()).isNotEqualTo(original.dataset());
    }

    @Test
    void aSingleDistillerIsTheSameAsAListOfOne() {
        assertThat(hash(BASE.replace("distiller: {name: hinton-kd, params: {temperature: 4, alpha: 0.5}}",
                "distillers: [{name: hinton-kd, params: {temperature: 4, alpha: 0.5}}]"))).isEqualTo(hash(BASE));
    }
}
