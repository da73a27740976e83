package org.distill4j.cli.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sweep's side of the driver conversation, against a fake driver that answers as the real one does. */
class SparkDriverTest {

    /** Answers each request by its id: ok... exits 0, fail... is given up by Spark, die... kills the driver. */
    private static final String FAKE_DRIVER = """
            echo "fake driver starting" >&2
            printf 'slots\\t3\\n'
            while IFS= read -r line; do
              if [ "$(printf '%s' "$line" | cut -f1)" = pull ]; then
                case "$(printf '%s' "$line" | cut -f2)" in
                  */refused) printf 'error\t\tcannot copy the finished runs of file:///store\n';;
                  *) printf 'pulled\t4\n';;
                esac
                continue
              fi
              id=$(printf '%s' "$line" | cut -f2)
              case "$id" in
                die*) echo "the driver crashed on $id" >&2; exit 7;;
                fail*) printf 'running\\t%s\\t1\\t0 (h)\\n' "$id"
                       printf 'attempt-failed\\t%s\\t1\\t0 (h)\\tExecutorLostFailure\\\\nworker lost\\n' "$id"
                       printf 'error\\t%s\\tJob aborted: task failed 4 times\\n' "$id";;
                *) printf 'running\\t%s\\t1\\t0 (h)\\n' "$id"; printf 'exit\\t%s\\t0\\n' "$id";;
              esac
            done
            """;

    @TempDir
    Path directory;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void reportsAttemptsExitsAndWhatSparkGaveUpOn() throws Exception {
        try (SparkDriver driver = fakeDriver()) {
            assertThat(driver.slots(Duration.ofSeconds(30))).isEqualTo(3);

            assertThat(driver.submit("ok-1", "spark/kd seed 1", request("ok-1")).get(30, TimeUnit.SECONDS)).isZero();
            CompletableFuture<Integer> failed = driver.submit("fail-1", "spark/kd seed 2", request("fail-1"));

            assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("Spark gave up on it: Job aborted: task failed 4 times");
            assertThat(progress).contains("    spark: spark/kd seed 1, attempt 1 runs on executor 0 (h)",
                    "    spark: spark/kd seed 2, attempt 1 on executor 0 (h) failed: ExecutorLostFailure worker lost");
        }
    }

    @Test
    void pullsTheSharedStoresFinishedRunsAndSaysWhyNot() throws IOException {
        try (SparkDriver driver = fakeDriver()) {
            driver.slots(Duration.ofSeconds(30));

            assertThat(driver.pull(directory.resolve("results"), Duration.ofSeconds(30))).isEqualTo(4);
            assertThatThrownBy(() -> driver.pull(directory.resolve("refused"), Duration.ofSeconds(30)))
                    .hasMessage("cannot copy the finished runs of file:///store");
        }
    }

    @Test
    void aDriverThatDiesFailsItsJobsWithItsLogsLastLines() throws Exception {
        try (SparkDriver driver = fakeDriver()) {
            driver.slots(Duration.ofSeconds(30));

            CompletableFuture<Integer> lost = driver.submit("die-1", "spark/kd seed 1", request("die-1"));

            assertThatThrownBy(() -> lost.get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("the Spark driver ended (exit status 7); its log is " + driver.log())
                    .hasMessageContaining("| the driver crashed on die-1");
            assertThatThrownBy(() -> driver.submit("ok-2", "spark/kd seed 2", request("ok-2")).get(30,
                    TimeUnit.SECONDS)).hasMessageContaining("the Spark driver ended (exit status 7)");
        }
    }

    @Test
    void aDriverThatNeverStartsSaysSo() throws IOException {
        Path script = Files.writeString(directory.resolve("silent.sh"), "echo 'no master at spark://x' >&2; exit 1\n");
        try (SparkDriver driver = SparkDriver.start(List.of("bash", script.toString()),
                directory.resolve("silent.log"), progress::add)) {
            assertThatThrownBy(() -> driver.slots(Duration.ofSeconds(30)))
                    .hasMessageContaining("the Spark driver ended (exit status 1)")
                    .hasMessageContaining("| no master at spark://x");
        }
    }

    private SparkDriver fakeDriver() throws IOException {
        Path script = Files.writeString(directory.resolve("driver.sh"), FAKE_DRIVER);
        return SparkDriver.start(List.of("bash", script.toString()), directory.resolve("driver.log"), progress::add);
    }

    private static String request(String id) {
        return ProtocolLine.encode(List.of("run", id, "label", "/r/seed-1.log", "/w", "0", "-version"));
    }
}
