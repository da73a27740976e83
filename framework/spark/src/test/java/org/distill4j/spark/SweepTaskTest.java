package org.distill4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task on a real local Spark: two cores a task, two attempts a task ({@code local[2,2]}). */
class SweepTaskTest {

    private static JavaSparkContext spark;

    @TempDir
    Path directory;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("SweepTaskTest")
                .set("spark.task.cpus", "2").set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void runsTheJobWithTheTaskCoresAndReturnsItsFinalStatus() throws IOException {
        Path log = directory.resolve("seed-1.log");

        int status = run(request(log, "1"));

        assertThat(status).isEqualTo(1);
        String output = Files.readString(log);
        assertThat(output).contains("# spark: attempt 1 on executor driver").contains("OMP_NUM_THREADS=2")
                .contains("threads 2").contains("spin 20000")
                .contains("parent " + ProcessHandle.current().pid())
                .contains("directory " + directory.toAbsolutePath());
    }

    @Test
    void aCrashedJobIsRetriedAndItsSecondAttemptCounts() throws IOException {
        Path log = directory.resolve("seed-2.log");

        int status = run(request(log, "0", directory.resolve("crashed").toString()));

        assertThat(status).isZero();
        assertThat(Files.readString(log)).contains("# spark: attempt 1").contains("crash")
                .contains("# spark: attempt 2");
    }

    @Test
    void aJobThatCrashesOnEveryAttemptFailsItsSparkJob() {
        Path log = directory.resolve("seed-3.log");

        assertThatThrownBy(() -> run(request(log, "137"))).isInstanceOf(SparkException.class)
                .hasMessageContaining("spark/kd seed 1: its JVM ended with exit status 137");
    }

    @Test
    void resultsTheExecutorDoesNotSeeAreNamed() {
        Path log = directory.resolve("not-shared/seed-1.log");

        assertThatThrownBy(() -> run(request(log, "0"))).isInstanceOf(SparkException.class)
                .hasMessageContaining("the results folder of spark/kd seed 1 (" + log.getParent()
                        + ") is not visible on executor driver");
    }

    @Test
    void aStagedRunReadsItsTeacherResumesFromTheStoresCheckpointAndIsPublished() throws IOException {
        String teacher = "spark/teacher/20864922571a/seed-1";
        String run = "spark/kd/6f09844d789e/seed-1";
        SharedResults shared = new SharedResults(directory.resolve("shared").toUri().toString(), Map.of());
        shared.publish(teacher, SharedResultsTest.finishedRun(directory.resolve("earlier"), teacher));
        String results = directory.resolve("sweep-results").toString();
        List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                FakeStagedRun.class.getName(), results, run, teacher, directory.resolve("crashed").toString()));
        SweepTaskRequest request = new SweepTaskRequest(run, "spark/kd seed 1", results + "/" + run + ".log",
                directory.toString(), results, run, List.of(teacher), Map.of(), command, "", Map.of())
                .onStore(shared.uri(), Map.of());

        int status = run(request);

        assertThat(status).isZero();
        assertThat(shared.isDone(run)).isTrue();
        Path published = directory.resolve("shared").resolve(run);
        assertThat(published.resolve("metrics.json")).hasContent("{\"test-accuracy\":0.75}");
        assertThat(published.resolve("checkpoints")).doesNotExist();
        assertThat(directory.resolve("shared").resolve(run + ".log")).content()
                .contains("# spark: attempt 1").contains("teacher model: weights").contains("crash after epoch 1")
                .contains("# spark: attempt 2").contains("resumed from epoch 1");
        assertThat(directory.resolve("sweep-results")).as("the task stages; the sweep's folder is the driver's")
                .doesNotExist();
    }

    @Test
    void aRunTheStoreHasFinishedIsNotRunAgain() throws IOException {
        String run = "spark/kd/6f09844d789e/seed-1";
        SharedResults shared = new SharedResults(directory.resolve("shared").toUri().toString(), Map.of());
        shared.publish(run, SharedResultsTest.finishedRun(directory.resolve("earlier"), run));
        SweepTaskRequest request = new SweepTaskRequest(run, "spark/kd seed 1", directory + "/" + run + ".log",
                directory.toString(), directory.toString(), run, List.of(), Map.of(), fakeRun("1"), "", Map.of())
                .onStore(shared.uri(), Map.of());

        assertThat(run(request)).isZero();
    }

    private static int run(SweepTaskRequest request) {
        return spark.parallelize(List.of(request), 1).map(new SweepTask()).collect().get(0);
    }

    private SweepTaskRequest request(Path log, String... fakeRunArguments) {
        return new SweepTaskRequest("spark/kd/6f09844d789e/seed-1", "spark/kd seed 1", log.toString(),
                directory.toString(), directory.toString(), "spark/kd/6f09844d789e/seed-1", List.of(),
                Map.of("GOMP_SPINCOUNT", "20000"), fakeRun(fakeRunArguments), "", Map.of());
    }

    /** The command after java that runs {@link FakeRun}. */
    static List<String> fakeRun(String... arguments) {
        List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                FakeRun.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }
}
