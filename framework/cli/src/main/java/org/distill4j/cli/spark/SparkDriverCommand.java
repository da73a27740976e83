package org.distill4j.cli.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the sweep's Spark driver: {@code spark-submit --master <url> --class
 * org.distill4j.spark.SparkSweepDriver <distill4j-spark.jar>} in client mode. A cluster's own Spark is used when
 * {@code SPARK_HOME} is set ({@code $SPARK_HOME/bin/spark-submit}, with its configuration for YARN or Kubernetes);
 * otherwise Spark's submit class runs from the class path that {@code scripts/distill4j} assembles from Maven
 * ({@code DISTILL4J_SPARK_CLASSPATH}), with the module options Spark needs on Java 17.
 *
 * @param sparkHome      the cluster's Spark, if any
 * @param sparkClassPath Spark's jars when there is no {@code SPARK_HOME}
 * @param driverJar      the distill4j-spark jar
 * @param java           the java executable for a class-path start
 */
public record SparkDriverCommand(Optional<Path> sparkHome, Optional<String> sparkClassPath, Path driverJar, Path java) {

    public static final String DRIVER_CLASS = "org.distill4j.spark.SparkSweepDriver";
    public static final String JAR_VARIABLE = "DISTILL4J_SPARK_JAR";
    public static final String CLASSPATH_VARIABLE = "DISTILL4J_SPARK_CLASSPATH";
    public static final String HOME_VARIABLE = "SPARK_HOME";

    /** What Spark's own launcher adds on Java 17 (org.apache.spark.launcher.JavaModuleOptions, Spark 3.5). */
    static final List<String> JAVA_17_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");
    /** The driver only schedules: its tasks' runs are JVMs of their own. In local mode the driver is the executor. */
    static final String DRIVER_HEAP = "-Xmx1g";

    public SparkDriverCommand {
        Objects.requireNonNull(sparkHome, "sparkHome");
        Objects.requireNonNull(sparkClassPath, "sparkClassPath");
        Objects.requireNonNull(driverJar, "driverJar");
        Objects.requireNonNull(java, "java");
    }

    /**
     * From the environment.
     *
     * @throws IllegalStateException when the driver jar or Spark is missing, saying how to get them
     */
    public static SparkDriverCommand fromEnvironment(Map<String, String> environment, Path java) {
        String jar = environment.get(JAR_VARIABLE);
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("--engine spark needs the distill4j-spark jar: run the sweep through"
                    + " scripts/distill4j, which builds it (framework/spark), or set " + JAR_VARIABLE);
        }
        Path driverJar = Path.of(jar).toAbsolutePath();
        if (!Files.isRegularFile(driverJar)) {
            throw new IllegalStateException(JAR_VARIABLE + "=" + jar + " is not a file: build it with"
                    + " mvn -f framework/spark/pom.xml package");
        }
        Optional<Path> home = Optional.ofNullable(environment.get(HOME_VARIABLE)).filter(value -> !value.isBlank())
                .map(Path::of);
        Optional<String> classPath = Optional.ofNullable(environment.get(CLASSPATH_VARIABLE))
                .filter(value -> !value.isBlank());
        if (home.isPresent() && !Files.isExecutable(home.get().resolve("bin/spark-submit"))) {
            throw new IllegalStateException(HOME_VARIABLE + "=" + home.get() + " has no bin/spark-submit: point it"
                    + " at a Spark 3.5 or 4 installation, or unset it to use the Spark that scripts/distill4j"
                    + " assembles from Maven Central");
        }
        if (home.isEmpty() && classPath.isEmpty()) {
            throw new IllegalStateException("--engine spark needs Spark: set " + HOME_VARIABLE + " to a Spark"
                    + " installation, or run through scripts/distill4j, which assembles Spark from Maven Central ("
                    + CLASSPATH_VARIABLE + ")");
        }
        return new SparkDriverCommand(home, classPath, driverJar, java);
    }

    /** The command line that starts the driver. */
    public List<String> command(SparkSettings settings, String applicationName) {
        List<String> command = new ArrayList<>();
        if (sparkHome.isPresent()) {
            command.add(sparkHome.get().resolve("bin/spark-submit").toString());
            command.addAll(List.of("--driver-memory", DRIVER_HEAP.substring("-Xmx".length())));
        } else {
            command.add(java.toString());
            command.add(DRIVER_HEAP);
            command.addAll(JAVA_17_OPTIONS);
            command.addAll(List.of("-cp", sparkClassPath.orElseThrow(), "org.apache.spark.deploy.SparkSubmit"));
        }
        command.addAll(List.of("--master", settings.master(), "--deploy-mode", "client", "--name", applicationName,
                "--class", DRIVER_CLASS));
        settings.submittedConf().forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        command.add(driverJar.toString());
        return List.copyOf(command);
    }
}
