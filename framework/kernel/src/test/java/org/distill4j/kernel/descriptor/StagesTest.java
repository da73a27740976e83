package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StagesTest {

    private static final String TEACHER = """
            experiment: fixture/teacher
            seeds: [1]
            dataset: {name: tiny-images}
            student: {model: {family: mlp, params: {hidden: [16]}}}
            distiller: {name: cross-entropy}
            training: {epochs: 5}
            """;

    private static final String HINT_STAGE = """
            teacher: {experiment: teacher.yaml}
            stages:
              - name: hint
                distiller: {name: hint, params: {student-layer: relu1, teacher-layer: relu1}}
                train: taps
                training: {epochs: 2, optimizer: {name: adam}}
            """;

    @TempDir
    Path directory;
    private DescriptorFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
        fixture.write("teacher.yaml", TEACHER);
    }

    @Test
    void aStageHasItsOwnObjectivesTrainedParametersAndTraining() {
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL + HINT_STAGE);

        assertThat(experiment.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.name()).isEqualTo("hint");
            assertThat(stage.distillers()).singleElement()
                    .satisfies(distiller -> assertThat(distiller.distiller().name()).isEqualTo("hint"));
            assertThat(stage.trained()).isEqualTo(TrainedParameters.TAPS);
            assertThat(stage.training().epochs()).isEqualTo(2);
            assertThat(stage.training().optimizer().choice().name()).isEqualTo("adam");
        });
        assertThat(experiment.distillers()).singleElement()
                .satisfies(distiller -> assertThat(distiller.distiller().name()).isEqualTo("cross-entropy"));
        assertThat(experiment.training().orElseThrow().epochs()).isEqualTo(3);
        assertThat(experiment.canonicalJson()).contains("\"stages\":[{\"distillers\":[{\"name\":\"hint\"")
                .contains("\"train\":\"taps\"");
    }

    @Test
    void stagesArePartOfTheIdentityAndNoStagesLeaveItAsItWas() {
        String withoutStages = fixture.valid(DescriptorFixture.MINIMAL + "teacher: {experiment: teacher.yaml}\n").canonicalJson();
        ResolvedExperiment withStage = fixture.valid(DescriptorFixture.MINIMAL + HINT_STAGE);
        ResolvedExperiment longerStage = fixture.valid(DescriptorFixture.MINIMAL
                + HINT_STAGE.replace("epochs: 2", "epochs: 3"));

        assertThat(withoutStages).doesNotContain("stages");
        assertThat(fixture.valid(DescriptorFixture.MINIMAL + "teacher: {experiment: teacher.yaml}\nstages: []\n")
                .canonicalJson()).isEqualTo(withoutStages);
        assertThat(longerStage.hash()).isNotEqualTo(withStage.hash());
    }

    @Test
    void aStageNeedsExactlyOneOfDistillerAndDistillers() {
        String both = DescriptorFixture.MINIMAL + HINT_STAGE.replace("    train: taps\n",
                "    distillers: [{name: cross-entropy}]\n    train: taps\n");
        String neither = DescriptorFixture.MINIMAL + HINT_STAGE.replace(
                "    distiller: {name: hint, params: {student-layer: relu1, teacher-layer: relu1}}\n", "");

        assertThat(fixture.problems(both)).extracting(Problem::path).contains("stages[0].distillers");
        assertThat(fixture.problems(neither)).extracting(Problem::path).contains("stages[0].distiller");
    }

    @Test
    void aStagesTapsAndNameAreCheckedWhereTheyAreWritten() {
        String descriptor = DescriptorFixture.MINIMAL + HINT_STAGE.replace("student-layer: relu1", "student-layer: relu9")
                + """
                  - name: hint
                    distiller: {name: cross-entropy}
                    training: {epochs: 1}
                """;

        assertThat(fixture.problems(descriptor)).containsExactly(
                new Problem("stages[0].distiller", "distiller 'hint' taps 'relu9', which is not a vertex of the student"
                        + " network (mlp) (did you mean 'relu1'?); its vertices: dense1, relu1, dense2, relu2, logits"),
                new Problem("stages[1].name", "stage name 'hint' is already used by stages[0]; give each stage its own"
                        + " name"));
    }

    @Test
    void aStageCannotSelectTheBestValidationEpochNorHaveAnOddName() {
        String best = DescriptorFixture.MINIMAL + HINT_STAGE.replace("optimizer: {name: adam}",
                "optimizer: {name: adam}, select: best-validation");
        String odd = DescriptorFixture.MINIMAL + HINT_STAGE.replace("name: hint\n", "name: Hint Stage\n");

        assertThat(fixture.problems(best)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("stages[0]");
            assertThat(problem.message()).contains("'select' applies to the main 'training' only");
        });
        assertThat(fixture.problems(odd)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("stages[0]");
            assertThat(problem.message()).contains("got 'Hint Stage'");
        });
    }
}
