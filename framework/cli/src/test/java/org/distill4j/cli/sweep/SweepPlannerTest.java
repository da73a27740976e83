package org.distill4j.cli.sweep;

import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which runs a sweep makes and in which order: not DONE ones, teachers first and once. */
class SweepPlannerTest {

    private static final String TEACHER = """
            experiment: plan/teacher
            seeds: [1, 2]
            dataset: {name: synthetic, params: {train-size: 64, test-size: 32}}
            student: {model: {family: mlp, params: {hidden: [8]}}}
            distiller: {name: cross-entropy}
            training: {epochs: 1}
            """;

    @TempDir
    static Path directory;
    private static DescriptorParser parser;
    private static ResolvedVariant teacher;
    private static ResolvedVariant first;
    private static ResolvedVariant second;

    @BeforeAll
    static void parse() throws IOException {
        parser = Kernel.start().getInstance(DescriptorParser.class);
        Files.writeString(directory.resolve("teacher.yaml"), TEACHER);
        Files.writeString(directory.resolve("kd.yaml"), student("plan/kd", "{experiment: teacher.yaml}"));
        teacher = resolve("teacher.yaml");
        first = resolve("kd.yaml", "distiller.params.temperature=2");
        second = resolve("kd.yaml", "distiller.params.temperature=8");
    }

    private static String student(String id, String teacherSection) {
        return TEACHER.replace("plan/teacher", id).replace("{name: cross-entropy}", "{name: hinton-kd}")
                + "teacher: " + teacherSection + "\n";
    }

    private static ResolvedVariant resolve(String file, String... overrides) {
        Variant variant = new Variant(directory.resolve(file), List.of(overrides).stream().map(DescriptorOverride::parse).toList());
        ResolvedExperiment experiment = parser.parse(variant.descriptor(), Optional.empty(), variant.overrides()).orElseThrow();
        return new ResolvedVariant(variant, experiment);
    }

    private static RunKey run(ResolvedVariant variant, long seed) {
        return RunKey.of(variant.experiment(), seed);
    }

    @Test
    void teachersComeFirstAndTheirStudentsWaitForThem() {
        SweepPlan plan = new SweepPlanner(new States()).plan(List.of(first, teacher, second), seed -> true);

        assertThat(plan.jobs()).extracting(SweepJob::run).containsExactly(run(teacher, 1), run(teacher, 2),
                run(first, 1), run(first, 2), run(second, 1), run(second, 2));
        assertThat(plan.jobs().get(2).teachers()).containsExactly(run(teacher, 1));
        assertThat(plan.jobs().get(5).teachers()).containsExactly(run(teacher, 2));
        assertThat(plan.jobs()).allSatisfy(job -> assertThat(job.waitsFor()).isEmpty());
        assertThat(plan.jobs().get(2).variant().overrides()).extracting(DescriptorOverride::toString)
                .containsExactly("distiller.params.temperature=2");
    }

    @Test
    void doneRunsAreNotPlannedAgainAndDoNotHoldBackTheirStudents() {
        States states = new States();
        states.done.add(run(teacher, 1));
        states.models.add(run(teacher, 1));
        states.done.add(run(first, 2));

        SweepPlan plan = new SweepPlanner(states).plan(List.of(teacher, first), seed -> true);

        assertThat(plan.alreadyDone()).containsExactly(run(teacher, 1), run(first, 2));
        assertThat(plan.jobs()).extracting(SweepJob::run).containsExactly(run(teacher, 2), run(first, 1));
        assertThat(plan.jobs().get(1).teachers()).isEmpty();
        assertThat(plan.jobs().get(1).waitsFor()).isEmpty();
    }

    @Test
    void aTeacherThatIsNotGivenIsTrainedByItsFirstStudentWhileTheOthersWait() {
        SweepPlan plan = new SweepPlanner(new States()).plan(List.of(first, second), seed -> true);

        assertThat(plan.jobs()).extracting(SweepJob::run).containsExactly(run(first, 1), run(first, 2),
                run(second, 1), run(second, 2));
        assertThat(plan.jobs()).allSatisfy(job -> assertThat(job.teachers()).isEmpty());
        assertThat(plan.jobs().get(0).waitsFor()).isEmpty();
        assertThat(plan.jobs().get(2).waitsFor()).containsExactly(run(first, 1));
        assertThat(plan.jobs().get(3).waitsFor()).containsExactly(run(first, 2));
    }

    @Test
    void aDoneTeacherWithoutItsModelIsRebuiltByOneStudentOnly() {
        States states = new States();
        states.done.add(run(teacher, 1));
        states.done.add(run(teacher, 2));
        states.models.add(run(teacher, 2));

        SweepPlan plan = new SweepPlanner(states).plan(List.of(first, second), seed -> true);

        assertThat(plan.jobs().get(2).waitsFor()).containsExactly(run(first, 1));
        assertThat(plan.jobs().get(3).waitsFor()).isEmpty();
    }

    @Test
    void aFixedTeacherSeedIsOneTeacherRunForEveryStudentSeed() throws IOException {
        Files.writeString(directory.resolve("fixed.yaml"), student("plan/fixed", "{experiment: teacher.yaml, seed: 2}"));
        ResolvedVariant fixed = resolve("fixed.yaml");

        SweepPlan plan = new SweepPlanner(new States()).plan(List.of(fixed, teacher), seed -> seed == 1);

        assertThat(plan.jobs()).extracting(SweepJob::run).containsExactly(run(fixed, 1), run(teacher, 1));
        assertThat(plan.jobs().get(0).teachers()).isEmpty();
        assertThat(plan.jobs().get(0).waitsFor()).isEmpty();

        SweepPlan both = new SweepPlanner(new States()).plan(List.of(fixed, teacher), seed -> true);
        assertThat(both.jobs()).extracting(SweepJob::run).containsExactly(run(teacher, 2), run(fixed, 1),
                run(fixed, 2), run(teacher, 1));
        assertThat(both.jobs().get(1).teachers()).containsExactly(run(teacher, 2));
        assertThat(both.jobs().get(2).teachers()).containsExactly(run(teacher, 2));
    }

    @Test
    void aVariantGivenTwiceIsPlannedOnce() {
        SweepPlan plan = new SweepPlanner(new States()).plan(List.of(teacher, teacher), seed -> seed == 2);

        assertThat(plan.jobs()).extracting(SweepJob::run).containsExactly(run(teacher, 2));
    }

    @Test
    void aDerivedStudentWaitsForItsSourceRunAndTheSourceForItsTeacher() throws IOException {
        Files.writeString(directory.resolve("designed.yaml"), TEACHER.replace("plan/teacher", "plan/designed")
                .replace("{model: {family: mlp, params: {hidden: [8]}}}",
                        "{model: {family: sparsity-matched}, source: {experiment: kd.yaml}}"));
        ResolvedVariant designed = resolve("designed.yaml");
        ResolvedVariant kd = resolve("kd.yaml");

        SweepPlan plan = new SweepPlanner(new States()).plan(List.of(designed, kd, teacher), seed -> seed == 1);

        assertThat(plan.jobs()).extracting(SweepJob::run).containsExactly(run(teacher, 1), run(kd, 1),
                run(designed, 1));
        assertThat(plan.jobs().get(2).teachers()).containsExactlyInAnyOrder(run(kd, 1), run(teacher, 1));
        assertThat(TeacherChain.of(designed.experiment(), 1)).containsExactly(run(kd, 1), run(teacher, 1));
    }

    /** Result-store states held in memory. */
    private static final class States implements RunStates {
        final Set<RunKey> done = new HashSet<>();
        final Set<RunKey> models = new HashSet<>();

        @Override
        public boolean isDone(RunKey run) {
            return done.contains(run);
        }

        @Override
        public boolean hasModel(RunKey run) {
            return models.contains(run);
        }
    }
}
