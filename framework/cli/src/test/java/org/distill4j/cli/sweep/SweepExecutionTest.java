package org.distill4j.cli.sweep;

import org.distill4j.kernel.run.RunStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Launching a plan N jobs at a time, with an in-process fake instead of JVMs. */
class SweepExecutionTest {

    private static final String HASH_TEACHER = "a".repeat(64);
    private static final String HASH_STUDENT = "b".repeat(64);

    @TempDir
    Path results;
    private SweepLayout layout;
    private FakeLauncher launcher;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        layout = new SweepLayout(new RunStore(results));
        launcher = new FakeLauncher(layout);
    }

    private static RunKey teacher(long seed) {
        return new RunKey("sweep/teacher", HASH_TEACHER, seed);
    }

    private static RunKey student(long seed) {
        return new RunKey("sweep/student", HASH_STUDENT, seed);
    }

    private SweepPlan plan() {
        Variant teacherFile = Variant.of(Path.of("/experiments/teacher.yaml"));
        Variant studentFile = Variant.of(Path.of("/experiments/student.yaml"));
        return new SweepPlan(List.of(
                new SweepJob(teacherFile, teacher(1), List.of(), List.of()),
                new SweepJob(teacherFile, teacher(2), List.of(), List.of()),
                new SweepJob(teacherFile, teacher(3), List.of(), List.of()),
                new SweepJob(studentFile, student(1), List.of(teacher(1)), List.of()),
                new SweepJob(studentFile, student(2), List.of(teacher(2)), List.of()),
                new SweepJob(studentFile, student(3), List.of(teacher(3)), List.of())), List.of());
    }

    private SweepOutcome run(SweepPlan plan, int parallelJobs) {
        JobCommandLine commandLine = new JobCommandLine(Optional.of("quick"), results);
        SweepProgress progress = new SweepProgress(new PrintStream(printed, true, StandardCharsets.UTF_8),
                InstantSource.system(), layout, commandLine);
        return new SweepExecution(launcher, parallelJobs, layout, progress).run(plan);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsEveryJobAtMostNAtATimeAndStudentsAfterTheirTeachers() {
        SweepOutcome outcome = run(plan(), 2);

        assertThat(outcome.succeeded()).as(output()).isTrue();
        assertThat(outcome.jobs()).hasSize(6);
        assertThat(launcher.mostAtOnce.get()).isEqualTo(2);
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(launcher.events.indexOf("end " + teacher(seed)))
                    .isLessThan(launcher.events.indexOf("start " + student(seed)));
        }
        assertThat(output()).contains("sweep: 6 runs to make, 2 at a time",
                "[1/6] start sweep/teacher seed 1", "[4/6] done sweep/student seed 1 in 0s, test 50.00%",
                "running, elapsed ", "left, ETA ~", "sweep finished in ", "6 done, 0 failed, 0 skipped");
        assertThat(layout.logFile(student(1))).hasFileName("seed-1.log").exists();
    }

    @Test
    void aFailedJobShowsItsLogAndHowToReproduceItAndTheOthersGoOn() {
        launcher.failing.add(teacher(2));
        launcher.exitWithoutDone.add(student(3));

        SweepOutcome outcome = run(plan(), 2);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.count(JobStatus.DONE)).isEqualTo(3);
        assertThat(outcome.count(JobStatus.FAILED)).isEqualTo(2);
        assertThat(outcome.count(JobStatus.SKIPPED)).isEqualTo(1);
        assertThat(launcher.events).doesNotContain("start " + student(2));
        assertThat(output()).contains("[2/6] FAILED sweep/teacher seed 2 after", "exit status 1",
                "    | something broke: NaN loss",
                "to reproduce: OMP_NUM_THREADS=1 distill4j run /experiments/teacher.yaml --profile quick --seeds 2"
                        + " --results " + results.toAbsolutePath().normalize(),
                "[5/6] skipped sweep/student seed 2: its teacher run sweep/teacher seed 2 did not finish",
                "[6/6] FAILED sweep/student seed 3", "is not DONE (was the descriptor changed during the sweep?)",
                "3 done, 2 failed, 1 skipped", "run the same sweep again to retry");
    }

    @Test
    void aRunThatGoesOnFromItsCheckpointsIsShownAsResuming() throws java.io.IOException {
        java.nio.file.Files.createDirectories(layout.runDirectory(teacher(2)).resolve(RunStore.CHECKPOINTS));

        run(plan(), 1);

        assertThat(output()).contains("start sweep/teacher seed 2, resuming from its checkpoints")
                .doesNotContain("start sweep/teacher seed 1, resuming");
    }

    @Test
    void aJobKilledBySigkillIsReportedAsSuchWithWhatToDo() {
        launcher.killed.add(teacher(1));

        SweepOutcome outcome = run(plan(), 1);

        assertThat(outcome.count(JobStatus.FAILED)).isEqualTo(1);
        assertThat(output()).contains("FAILED sweep/teacher seed 1", "exit status 137: killed (SIGKILL), most often"
                + " by the kernel's out-of-memory killer (dmesg says); run fewer --jobs");
    }

    @Test
    void aJobThatCannotStartIsAFailureNotACrash() {
        launcher.unstartable.add(teacher(1));

        SweepOutcome outcome = run(plan(), 1);

        assertThat(outcome.count(JobStatus.FAILED)).isEqualTo(1);
        assertThat(outcome.count(JobStatus.SKIPPED)).isEqualTo(1);
        assertThat(output()).contains("FAILED sweep/teacher seed 1", "could not run: no java here");
    }

    @Test
    void jobsThatShareAnUnplannedTeacherWaitForTheOneThatTrainsIt() {
        Variant studentFile = Variant.of(Path.of("/experiments/student.yaml"));
        Variant otherFile = Variant.of(Path.of("/experiments/other.yaml"));
        RunKey other = new RunKey("sweep/other", "c".repeat(64), 1);
        SweepPlan plan = new SweepPlan(List.of(
                new SweepJob(studentFile, student(1), List.of(), List.of()),
                new SweepJob(otherFile, other, List.of(), List.of(student(1))),
                new SweepJob(studentFile, student(2), List.of(), List.of())), List.of());
        launcher.failing.add(student(1));

        SweepOutcome outcome = run(plan, 2);

        assertThat(launcher.events.subList(0, 2)).containsExactly("start " + student(1), "start " + student(2));
        assertThat(launcher.events.indexOf("end " + student(1))).isLessThan(launcher.events.indexOf("start " + other));
        assertThat(outcome.count(JobStatus.DONE)).isEqualTo(2);
    }
}
