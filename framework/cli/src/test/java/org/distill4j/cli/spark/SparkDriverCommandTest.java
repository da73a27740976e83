package org.distill4j.cli.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkDriverCommandTest {

    @TempDir
    Path directory;

    private final SparkSettings settings = new SparkSettings("local[2]", 1, 0, Map.of("spark.ui.enabled", "false"),
            Optional.empty());

    @Test
    void startsSparkSubmitFromTheAssembledClassPathWithJava17Options() throws IOException {
        Path jar = Files.writeString(directory.resolve("distill4j-spark.jar"), "");
        SparkDriverCommand command = SparkDriverCommand.fromEnvironment(Map.of(SparkDriverCommand.JAR_VARIABLE,
                jar.toString(), SparkDriverCommand.CLASSPATH_VARIABLE, "/m2/spark-core.jar"), Path.of("/jdk/java"));

        List<String> line = command.command(settings, "distill4j sweep");

        assertThat(line).startsWith("/jdk/java", "-Xmx1g").contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .containsSubsequence("-cp", "/m2/spark-core.jar", "org.apache.spark.deploy.SparkSubmit", "--master",
                        "local[2]", "--deploy-mode", "client", "--name", "distill4j sweep", "--class",
                        SparkDriverCommand.DRIVER_CLASS, "--conf", "spark.task.cpus=1", "--conf",
                        "spark.ui.enabled=false", jar.toString())
                .endsWith(jar.toString());
    }

    @Test
    void usesTheClustersSparkSubmitWhenSparkHomeIsSet() throws IOException {
        Path jar = Files.writeString(directory.resolve("distill4j-spark.jar"), "");
        Path submit = Files.createDirectories(directory.resolve("spark/bin")).resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> line = SparkDriverCommand.fromEnvironment(Map.of(SparkDriverCommand.JAR_VARIABLE,
                jar.toString(), SparkDriverCommand.HOME_VARIABLE, directory.resolve("spark").toString()),
                Path.of("/jdk/java")).command(settings, "distill4j sweep");

        assertThat(line).startsWith(submit.toString(), "--driver-memory", "1g", "--master", "local[2]")
                .doesNotContain("/jdk/java");
    }

    @Test
    void saysHowToGetWhatIsMissing() throws IOException {
        Path java = Path.of("/jdk/java");
        assertThatThrownBy(() -> SparkDriverCommand.fromEnvironment(Map.of(), java))
                .hasMessageContaining("needs the distill4j-spark jar: run the sweep through scripts/distill4j");
        assertThatThrownBy(() -> SparkDriverCommand.fromEnvironment(Map.of(SparkDriverCommand.JAR_VARIABLE,
                "/nowhere.jar"), java)).hasMessageContaining("is not a file: build it with");
        Path jar = Files.writeString(directory.resolve("distill4j-spark.jar"), "");
        assertThatThrownBy(() -> SparkDriverCommand.fromEnvironment(Map.of(SparkDriverCommand.JAR_VARIABLE,
                jar.toString()), java)).hasMessageContaining("--engine spark needs Spark: set SPARK_HOME");
        assertThatThrownBy(() -> SparkDriverCommand.fromEnvironment(Map.of(SparkDriverCommand.JAR_VARIABLE,
                jar.toString(), SparkDriverCommand.HOME_VARIABLE, directory.toString()), java))
                .hasMessageContaining("has no bin/spark-submit");
    }
}
