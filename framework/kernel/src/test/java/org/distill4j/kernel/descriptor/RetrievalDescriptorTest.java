package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;
import org.distill4j.kernel.engine.ClassBalancedSampler;
import org.distill4j.kernel.retrieval.Retrieval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetrievalDescriptorTest {

    private static final String RETRIEVAL = "retrieval: {train-classes: [0, 1], embedding: dense2}\n";

    @TempDir
    Path directory;
    private DescriptorFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DescriptorFixture(directory);
    }

    @Test
    void aRetrievalTaskResolvesWithItsDefaultsAndEntersTheIdentity() {
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL + RETRIEVAL);

        assertThat(experiment.retrieval()).contains(new Retrieval(List.of(0, 1), "dense2", List.of(1, 2, 4, 8)));
        assertThat(experiment.canonicalJson()).contains(
                "\"retrieval\":{\"embedding\":\"dense2\",\"recall-at\":[1,2,4,8],\"train-classes\":[0,1]}");
    }

    @Test
    void withoutRetrievalOrSamplerTheIdentityHasNeitherKey() {
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL);

        assertThat(experiment.retrieval()).isEmpty();
        assertThat(experiment.training().orElseThrow().sampler()).isNull();
        assertThat(experiment.canonicalJson()).doesNotContain("retrieval").doesNotContain("sampler");
    }

    @Test
    void theSamplerIsBoundIntoTheTrainingPlan() {
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL.replace("training: {epochs: 3}",
                "training: {epochs: 3, batch-size: 16, sampler: {classes-per-batch: 2, images-per-class: 4}}"));

        assertThat(experiment.training().orElseThrow().sampler()).isEqualTo(new ClassBalancedSampler(2, 4));
        assertThat(experiment.canonicalJson()).contains("\"sampler\":{\"classes-per-batch\":2,\"images-per-class\":4}");
    }

    @Test
    void aSamplerLargerThanTheBatchIsRejectedWithBothNumbers() {
        List<Problem> problems = fixture.problems(DescriptorFixture.MINIMAL.replace("training: {epochs: 3}",
                "training: {epochs: 3, batch-size: 8, sampler: {classes-per-batch: 3, images-per-class: 4}}"));

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("3 classes x 4 images = 12").contains("batch size 8"));
    }

    @Test
    void trainClassesMustExistAndLeaveSomeToRetrieve() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + "retrieval: {train-classes: [0, 3], embedding: dense2}\n"))
                .containsExactly(new Problem("retrieval.train-classes",
                        "train-classes names class 3, but the dataset has classes 0 to 2"));
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + "retrieval: {train-classes: [0, 1, 2], embedding: dense2}\n"))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("leaves none to retrieve"));
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + "retrieval: {train-classes: [1, 1]}\n"))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("names class 1 twice"));
    }

    @Test
    void theEmbeddingMustBeAVectorVertexOfTheStudent() {
        assertThat(fixture.problems(DescriptorFixture.MINIMAL + "retrieval: {train-classes: [0, 1], embedding: head}\n"))
                .containsExactly(new Problem("retrieval.embedding", "the student network ('mlp') has no vertex 'head';"
                        + " its vector vertices are [dense1, relu1, dense2, relu2, logits]"));
    }

    @Test
    void theStudentHasOneLogitPerTrainedClass() {
        // A distiller that reads the logits checks their shape against the teacher's: both have two classes here.
        fixture.write("teacher.yaml", DescriptorFixture.MINIMAL.replace("fixture/minimal", "fixture/teacher") + RETRIEVAL);
        ResolvedExperiment experiment = fixture.valid(DescriptorFixture.MINIMAL.replace("{name: cross-entropy}",
                "{name: hinton-kd}") + RETRIEVAL + "teacher: {experiment: teacher.yaml}\n");

        assertThat(experiment.retrieval()).isPresent();
    }

    @Test
    void aTeacherMustTrainOnTheSameClasses() {
        fixture.write("teacher.yaml", DescriptorFixture.MINIMAL.replace("fixture/minimal", "fixture/teacher"));
        List<Problem> problems = fixture.problems(DescriptorFixture.MINIMAL.replace("{name: cross-entropy}",
                "{name: hinton-kd}") + RETRIEVAL + "teacher: {experiment: teacher.yaml}\n");

        assertThat(problems).contains(new Problem("teacher.experiment", "the teacher experiment 'fixture/teacher' trains"
                + " on every class, but this experiment trains on classes [0, 1]; give both the same 'retrieval:"
                + " {train-classes}'"));
    }
}
