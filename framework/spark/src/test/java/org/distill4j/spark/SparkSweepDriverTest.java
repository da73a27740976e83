package org.distill4j.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver as the sweep starts it: a process of its own, spoken to on its standard input and output. */
class SparkSweepDriverTest {

    @TempDir
    Path directory;

    @Test
    void runsEachRequestAsASparkJobAndReportsItsAttemptAndExit() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        // The same module options as this test JVM (Spark's, for Java 17), and Spark's master as a property.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens") || argument.startsWith("-Djdk.")).toList());
        command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-cp",
                System.getProperty("java.class.path"), SparkSweepDriver.class.getName()));
        Process driver = new ProcessBuilder(command).redirectError(directory.resolve("driver.log").toFile()).start();
        try (Writer input = new OutputStreamWriter(driver.getOutputStream(), StandardCharsets.UTF_8);
             BufferedReader output = new BufferedReader(new InputStreamReader(driver.getInputStream(),
                     StandardCharsets.UTF_8))) {
            assertThat(ProtocolLine.decode(output.readLine())).containsExactly("slots", "2");

            SweepTaskRequest request = new SweepTaskRequest("spark/kd/6f09844d789e/seed-1", "spark/kd seed 1",
                    directory.resolve("seed-1.log").toString(), directory.toString(), directory.toString(),
                    "spark/kd/6f09844d789e/seed-1", List.of(), Map.of(), SweepTaskTest.fakeRun("2"), "", Map.of());
            input.write("not a request\n" + request.toLine() + "\n");
            input.flush();

            List<List<String>> messages = new ArrayList<>();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                messages.add(ProtocolLine.decode(line));
                if (messages.get(messages.size() - 1).get(0).equals("exit")) {
                    break;
                }
            }
            assertThat(messages).anySatisfy(message -> assertThat(message).startsWith("error", "")
                    .last().asString().contains("not a run request"));
            assertThat(messages).anySatisfy(message -> {
                assertThat(message).startsWith("running", request.id(), "1");
                assertThat(message.get(3)).startsWith("driver (");
            });
            assertThat(messages.get(messages.size() - 1)).containsExactly("exit", request.id(), "2");

            input.close();
            assertThat(driver.waitFor(60, TimeUnit.SECONDS)).as("the driver stops when its input ends").isTrue();
            assertThat(driver.exitValue()).isZero();
        } catch (IOException | AssertionError e) {
            driver.destroyForcibly();
            throw e;
        }
    }
}
