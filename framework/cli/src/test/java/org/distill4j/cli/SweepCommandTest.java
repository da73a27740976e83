package org.distill4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.cli.sweep.InProcessLauncher;
import org.distill4j.cli.sweep.JavaCommand;
import org.distill4j.cli.sweep.ProcessJobLauncher;
import org.distill4j.cli.sweep.RunKey;
import org.distill4j.cli.sweep.SweepLayout;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code distill4j sweep} on tiny real experiments (a teacher and a KD student, two seeds): most tests run the jobs
 * in this JVM through {@link InProcessLauncher}; one runs them as child JVMs, as a user's sweep does.
 */
class SweepCommandTest {

    @TempDir
    Path directory;
    private Path experiments;
    private Path results;
    private SweepLayout layout;

    @BeforeEach
    void writeExperiments() {
        experiments = directory.resolve("experiments");
        TinyDescriptors.write(experiments);
        results = directory.resolve("results");
        layout = new SweepLayout(new RunStore(results));
    }

    @Test
    void runsEveryDescriptorAndSeedOnceTeachersFirstAndASecondSweepRunsNothing() throws IOException {
        InProcessLauncher launcher = new InProcessLauncher();

        CommandOutput sweep = sweep(launcher, "--jobs", "2");

        assertThat(sweep.exitCode()).as(sweep.all()).isZero();
        List<RunKey> all = List.of(teacher(1), teacher(2), kd(1), kd(2));
        assertThat(launcher.started()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(launcher.started().subList(0, 2)).containsExactlyInAnyOrder(teacher(1), teacher(2));
        for (long seed = 1; seed <= 2; seed++) {
            assertThat(launcher.events().indexOf("end " + teacher(seed)))
                    .isLessThan(launcher.events().indexOf("start " + kd(seed)));
        }
        assertThat(launcher.mostAtOnce()).isEqualTo(2);
        for (RunKey run : all) {
            assertThat(layout.runDirectory(run).resolve(RunStore.DONE)).exists();
            assertThat(Files.readString(layout.logFile(run))).contains("== " + run.label(), "test accuracy");
        }
        // A student whose teacher run was DONE when it started loads that teacher instead of training it again.
        assertThat(Files.readString(layout.logFile(kd(1)))).doesNotContain("== test/teacher");
        assertThat(sweep.text()).contains("sweep: 4 runs to make, 2 at a time, OMP_NUM_THREADS=1 each",
                "[1/4] start test/teacher seed 1", "[3/4] start test/kd seed 1", "[3/4] done test/kd seed 1 in ",
                "| 1/4 finished, 1 running, elapsed ", ", 3 left, ETA ~", "4/4 finished, 0 running, elapsed ",
                "nothing left", "sweep finished in ", "4 done, 0 failed, 0 skipped");
        assertNoPartialResultVisible();
        Map<RunKey, FileTime> finished = doneTimes(all);

        InProcessLauncher secondLauncher = new InProcessLauncher();
        CommandOutput again = sweep(secondLauncher, "--jobs", "2");

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.text()).contains("nothing to do: all 4 runs are DONE in results");
        assertThat(secondLauncher.started()).isEmpty();
        assertThat(doneTimes(all)).isEqualTo(finished);
    }

    @Test
    void studentsThatShareATeacherOutsideTheSweepTrainItOnceAndWaitForIt() throws IOException {
        // Both seeds of kd-b distil from teacher seed 1, which kd seed 1 also needs; teacher.yaml is not swept.
        Path shared = TinyDescriptors.write(experiments, "kd-b.yaml", TinyDescriptors.KD.replace("test/kd", "test/kd-b")
                .replace("teacher: {experiment: teacher.yaml}", "teacher: {experiment: teacher.yaml, seed: 1}"));
        Path kd = experiments.resolve("kd.yaml");
        InProcessLauncher launcher = new InProcessLauncher();

        CommandOutput plan = sweepOf(new InProcessLauncher(), List.of(kd, shared), "--jobs", "2", "--dry-run");
        CommandOutput sweep = sweepOf(launcher, List.of(kd, shared), "--jobs", "2");

        assertThat(plan.text()).contains("[3/4] test/kd-b seed 1 -> ", "      after test/kd seed 1, which trains a"
                + " teacher it shares", "[4/4] test/kd-b seed 2 -> ");
        assertThat(sweep.exitCode()).as(sweep.all()).isZero();
        RunKey sharedOne = runOf(shared, 1);
        RunKey sharedTwo = runOf(shared, 2);
        assertThat(launcher.started()).containsExactlyInAnyOrder(kd(1), kd(2), sharedOne, sharedTwo);
        assertThat(launcher.events().indexOf("end " + kd(1))).isLessThan(launcher.events().indexOf("start " + sharedOne))
                .isLessThan(launcher.events().indexOf("start " + sharedTwo));
        assertThat(Files.readString(layout.logFile(kd(1)))).contains("== test/teacher seed 1");
        assertThat(Files.readString(layout.logFile(kd(2)))).contains("== test/teacher seed 2");
        assertThat(Files.readString(layout.logFile(sharedOne))).doesNotContain("== test/teacher");
        assertThat(Files.readString(layout.logFile(sharedTwo))).doesNotContain("== test/teacher");
        assertThat(layout.runDirectory(teacher(1)).resolve(RunStore.DONE)).exists();
        assertNoPartialResultVisible();
    }

    @Test
    void seedsThatNoDescriptorHasAreAnErrorListingTheSeedsThereAre() {
        InProcessLauncher launcher = new InProcessLauncher();

        CommandOutput sweep = sweep(launcher, "--seeds", "7,8");

        assertThat(sweep.exitCode()).as(sweep.all()).isEqualTo(2);
        assertThat(sweep.text()).contains("--seeds [7, 8] are not seeds of the descriptors, whose seeds are [1, 2]");
        assertThat(launcher.started()).isEmpty();
        assertThat(results).doesNotExist();
    }

    @Test
    void aSeedAmongOthersThatNoDescriptorHasIsAnErrorToo() {
        InProcessLauncher launcher = new InProcessLauncher();

        CommandOutput sweep = sweep(launcher, "--seeds", "1,7");

        assertThat(sweep.exitCode()).as(sweep.all()).isEqualTo(2);
        assertThat(sweep.text()).contains("--seeds [7] is not a seed of the descriptors, whose seeds are [1, 2]");
        assertThat(launcher.started()).isEmpty();
    }

    @Test
    void aDryRunPrintsThePlanInLaunchOrderAndRunsNothing() {
        InProcessLauncher launcher = new InProcessLauncher();

        CommandOutput plan = sweep(launcher, "--jobs", "2", "--dry-run");

        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(launcher.started()).isEmpty();
        assertThat(results).doesNotExist();
        String kdSeedTwo = "OMP_NUM_THREADS=1 distill4j run " + experiments.resolve("kd.yaml") + " --seeds 2 --results "
                + results;
        assertThat(plan.text()).contains(
                "sweep plan: 4 runs to make, 0 already DONE; 2 at a time (nothing is run: --dry-run)",
                "[1/4] test/teacher seed 1 -> results/test/teacher/" + teacher(1).hash12() + "/seed-1",
                "[2/4] test/teacher seed 2", "[3/4] test/kd seed 1", "[4/4] test/kd seed 2 -> results/test/kd/"
                        + kd(2).hash12() + "/seed-2\n      after its teacher run test/teacher seed 2\n      " + kdSeedTwo);
    }

    @Test
    void anInvalidDescriptorStopsTheSweepBeforeAnythingRuns() {
        TinyDescriptors.write(experiments, "broken.yaml", TinyDescriptors.KD.replace("test/kd", "test/broken")
                .replace("temperature: 4", "temprature: 4"));
        InProcessLauncher launcher = new InProcessLauncher();

        CommandOutput sweep = sweep(launcher, "--jobs", "2");

        assertThat(sweep.exitCode()).as(sweep.all()).isEqualTo(2);
        assertThat(sweep.text()).contains("INVALID " + experiments.resolve("broken.yaml"), "temprature",
                "nothing was run: fix the descriptors above");
        assertThat(launcher.started()).isEmpty();
        assertThat(results).doesNotExist();
    }

    @Test
    void aSweepKilledMidwayResumesWithOnlyTheMissingRunsAndNeverShowsAPartialResult() throws IOException {
        InProcessLauncher killed = new InProcessLauncher().sweepDiesAfter(1);

        assertThatThrownBy(() -> sweep(killed, "--jobs", "1")).isInstanceOf(InProcessLauncher.SweepKilled.class);

        assertThat(killed.started()).containsExactly(teacher(1), teacher(2));
        assertThat(layout.runDirectory(teacher(1)).resolve(RunStore.DONE)).exists();
        assertThat(layout.runDirectory(teacher(2)).resolve(RunStore.METRICS)).exists();
        assertThat(layout.runDirectory(teacher(2)).resolve(RunStore.DONE)).doesNotExist();
        assertNoPartialResultVisible();
        FileTime teacherDone = doneTimes(List.of(teacher(1))).get(teacher(1));
        String teacherEvents = Files.readString(layout.runDirectory(teacher(1)).resolve(RunStore.EVENTS));

        CommandOutput plan = sweep(new InProcessLauncher(), "--jobs", "2", "--dry-run");
        InProcessLauncher resumed = new InProcessLauncher();
        CommandOutput resume = sweep(resumed, "--jobs", "2");

        assertThat(plan.text()).contains("3 runs to make, 1 already DONE", "DONE  test/teacher seed 1 in results/");
        assertThat(resume.exitCode()).as(resume.all()).isZero();
        assertThat(resume.text()).contains("sweep: 3 runs to make (1 already DONE)", "3 done, 0 failed, 0 skipped");
        assertThat(resumed.started()).containsExactlyInAnyOrder(teacher(2), kd(1), kd(2));
        assertThat(doneTimes(List.of(teacher(1))).get(teacher(1))).isEqualTo(teacherDone);
        assertThat(Files.readString(layout.runDirectory(teacher(1)).resolve(RunStore.EVENTS))).isEqualTo(teacherEvents);
        assertThat(Json.read(layout.runDirectory(teacher(2)).resolve(RunStore.METRICS)).path("test-accuracy").isNumber())
                .isTrue();
        assertNoPartialResultVisible();
    }

    @Test
    void killedJobsFailTheSweepTheirStudentsAreSkippedAndTheNextSweepRedoesThem() throws IOException {
        InProcessLauncher dying = new InProcessLauncher().jobsDieAfter(1);

        CommandOutput sweep = sweep(dying, "--jobs", "1");

        assertThat(sweep.exitCode()).as(sweep.all()).isEqualTo(1);
        assertThat(dying.started()).containsExactly(teacher(1), teacher(2), kd(1));
        assertThat(sweep.text()).contains("[2/4] FAILED test/teacher seed 2 after ", "exit status 137",
                "to reproduce: OMP_NUM_THREADS=1 distill4j run " + experiments.resolve("teacher.yaml") + " --seeds 2",
                "skipped test/kd seed 2: its teacher run test/teacher seed 2 did not finish",
                "[3/4] FAILED test/kd seed 1", "1 done, 2 failed, 1 skipped", "run the same sweep again to retry");
        assertNoPartialResultVisible();

        InProcessLauncher retry = new InProcessLauncher();
        CommandOutput again = sweep(retry, "--jobs", "2");

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(retry.started()).containsExactlyInAnyOrder(teacher(2), kd(1), kd(2));
        assertNoPartialResultVisible();
        assertThat(List.of(teacher(1), teacher(2), kd(1), kd(2)))
                .allSatisfy(run -> assertThat(layout.runDirectory(run).resolve(RunStore.DONE)).exists());
    }

    /**
     * The whole story with real processes: a sweep JVM runs its jobs as child JVMs, is stopped (SIGTERM, as Ctrl-C or
     * kill send) while the student trains, stops its job with it, and a second sweep finishes only the student.
     */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aSweepOfChildJvmsStoppedWhileAStudentTrainsResumesWithOnlyThatStudent() throws Exception {
        // Long enough that the sweep is stopped while the student trains, short enough to train again in seconds.
        TinyDescriptors.write(experiments, "kd.yaml", TinyDescriptors.KD.replace("epochs: 2,", "epochs: 10,"));
        Path sweepLog = directory.resolve("sweep.log");
        List<String> command = JavaCommand.current().command(ProcessJobLauncher.MAIN_CLASS, List.of("sweep",
                experiments.toString(), "--seeds", "1", "--jobs", "2", "--results", results.toString()));
        Process sweep = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(sweepLog.toFile()).start();
        Path studentEvents = layout.runDirectory(kd(1)).resolve(RunStore.EVENTS);
        try {
            awaitFile(studentEvents, sweep, sweepLog);
            List<ProcessHandle> jobs = sweep.descendants().toList();
            sweep.destroy();
            assertThat(sweep.waitFor(30, TimeUnit.SECONDS)).as("the sweep stops").isTrue();
            for (ProcessHandle job : jobs) {
                assertThat(job.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get())
                        .as("job " + job.pid() + " stops with its sweep").isNotNull();
            }
        } finally {
            // Should the test fail or time out before the sweep was stopped, leave no JVM behind.
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            sweep.destroyForcibly();
        }
        assertThat(layout.runDirectory(teacher(1)).resolve(RunStore.DONE)).exists();
        assertThat(layout.runDirectory(kd(1)).resolve(RunStore.DONE))
                .as("the student's run, whose job should have stopped with the sweep").doesNotExist();
        assertNoPartialResultVisible();
        FileTime teacherDone = doneTimes(List.of(teacher(1))).get(teacher(1));

        CommandOutput resume = CommandOutput.run("sweep", experiments.toString(), "--seeds", "1", "--jobs", "2",
                "--results", results.toString());

        assertThat(resume.exitCode()).as(resume.all() + "\nstudent log:\n" + Files.readString(layout.logFile(kd(1))))
                .isZero();
        assertThat(resume.text()).contains("sweep: 1 run to make (1 already DONE)", "[1/1] done test/kd seed 1 in ",
                "1 done, 0 failed, 0 skipped");
        assertThat(doneTimes(List.of(teacher(1))).get(teacher(1))).isEqualTo(teacherDone);
        assertThat(Files.readString(layout.logFile(kd(1))))
                .startsWith("# OMP_NUM_THREADS=1 distill4j run " + experiments.resolve("kd.yaml") + " --seeds 1")
                .contains("org.distill4j.cli.Main run", "== test/kd seed 1", "test accuracy");
        assertThat(Json.read(layout.runDirectory(kd(1)).resolve(RunStore.PROVENANCE)).path("backend")
                .path("omp-num-threads").asText()).isEqualTo("1");
        assertNoPartialResultVisible();
    }

    @Test
    void sparkOptionsNeedTheSparkEngineAndItsMaster() {
        CommandOutput masterAlone = sweep(new InProcessLauncher(), "--master", "local[2]");
        CommandOutput noMaster = sweep(new InProcessLauncher(), "--engine", "spark");
        CommandOutput unknown = sweep(new InProcessLauncher(), "--engine", "ray");
        CommandOutput noJar = sweep(new InProcessLauncher(), "--engine", "spark", "--master", "local[2]");

        assertThat(masterAlone.exitCode()).isEqualTo(1);
        assertThat(masterAlone.all()).contains("--master needs --engine spark");
        assertThat(noMaster.all()).contains("--engine spark needs --master: local[N] on this machine");
        assertThat(unknown.all()).contains("unknown --engine 'ray': local or spark");
        // The tests' environment has no distill4j-spark jar: the sweep says how to get it and runs nothing.
        assertThat(noJar.exitCode()).isEqualTo(1);
        assertThat(noJar.all()).contains("needs the distill4j-spark jar");
        assertThat(results.resolve("test")).doesNotExist();
    }

    private CommandOutput sweep(InProcessLauncher launcher, String... options) {
        return sweepOf(launcher, List.of(experiments), options);
    }

    private CommandOutput sweepOf(InProcessLauncher launcher, List<Path> descriptors, String... options) {
        List<String> arguments = new ArrayList<>(List.of("sweep"));
        descriptors.forEach(descriptor -> arguments.add(descriptor.toString()));
        arguments.addAll(List.of("--results", results.toString()));
        arguments.addAll(List.of(options));
        return CommandOutput.runWith(List.of(new SweepCommand(List.of(), launcher.forSweep())),
                arguments.toArray(String[]::new));
    }

    private RunKey teacher(long seed) {
        return runOf(experiments.resolve("teacher.yaml"), seed);
    }

    private RunKey kd(long seed) {
        return runOf(experiments.resolve("kd.yaml"), seed);
    }

    private static RunKey runOf(Path descriptor, long seed) {
        return RunKey.of(Kernel.start().getInstance(DescriptorParser.class).parse(descriptor).orElseThrow(), seed);
    }

    private Map<RunKey, FileTime> doneTimes(List<RunKey> runs) throws IOException {
        Map<RunKey, FileTime> times = new LinkedHashMap<>();
        for (RunKey run : runs) {
            times.put(run, Files.getLastModifiedTime(layout.runDirectory(run).resolve(RunStore.DONE)));
        }
        return times;
    }

    /** Every run that is DONE has all its records, complete: a reader of DONE runs never sees a partial result. */
    private void assertNoPartialResultVisible() throws IOException {
        if (!Files.isDirectory(results)) {
            return;
        }
        try (Stream<Path> files = Files.walk(results)) {
            List<Path> done = files.filter(file -> file.getFileName().toString().equals(RunStore.DONE)).toList();
            assertThat(done).allSatisfy(marker -> {
                Path run = marker.getParent();
                assertThat(List.of(RunStore.RESOLVED, RunStore.PROVENANCE, RunStore.EVENTS, RunStore.DESCRIPTOR))
                        .allSatisfy(file -> assertThat(run.resolve(file)).isRegularFile());
                JsonNode metrics = Json.read(run.resolve(RunStore.METRICS));
                assertThat(metrics.path("test-accuracy").isNumber()).as(run + " metrics").isTrue();
            });
        }
    }

    private static void awaitFile(Path file, Process sweep, Path sweepLog) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!Files.exists(file)) {
            if (!sweep.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the sweep " + (sweep.isAlive() ? "took too long" : "ended") + " before "
                        + file + " appeared; its output:\n" + Files.readString(sweepLog));
            }
            Thread.sleep(20);
        }
    }
}
