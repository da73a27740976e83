package org.distill4j.cli.spark;

import org.distill4j.cli.sweep.JavaCommand;
import org.distill4j.cli.sweep.JobCommandLine;
import org.distill4j.cli.sweep.JobLauncher;
import org.distill4j.cli.sweep.ProcessJobLauncher;
import org.distill4j.cli.sweep.SweepJob;
import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Runs each sweep job as a Spark task: the job's JVM command (this JVM's arguments and class path, as a local sweep
 * uses) goes to the {@link SparkDriver}, and an executor starts it with its own {@code java}. Paths in the command are
 * absolute, so the executors must see the distribution, the descriptors and the results folder at the same paths
 * (shared storage).
 */
public final class SparkJobLauncher implements JobLauncher {

    private final SparkDriver driver;
    private final JavaCommand java;
    private final JobCommandLine commandLine;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final String master;

    /**
     * @param environment variables every job gets on its executor, besides its thread count and GPUs
     */
    public SparkJobLauncher(SparkDriver driver, JavaCommand java, JobCommandLine commandLine, Path workingDirectory,
                            Map<String, String> environment, String master) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.java = Objects.requireNonNull(java, "java");
        this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.master = Objects.requireNonNull(master, "master");
    }

    @Override
    public CompletableFuture<Integer> start(SweepJob job, Path log) {
        List<String> arguments = commandLine.arguments(job, workingDirectory);
        List<String> command = java.command(ProcessJobLauncher.MAIN_CLASS, arguments);
        try {
            Files.writeString(log, "# " + commandLine.shellCommand(job) + "\n# submitted to Spark at " + master
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot write the log " + log + ": "
                    + FileErrors.describe(e), e));
        }
        String id = job.run().toString();
        return driver.submit(id, job.run().label(), requestLine(job, log.toAbsolutePath().normalize(),
                command.subList(1, command.size())));
    }

    // The format org.distill4j.spark.SweepTaskRequest reads: run, id, label, log, working directory, results folder,
    // run folder, the number of chain folders, the chain folders, the number of variables, the variables, the command
    // after java. A run's folder relative to the results is its key's text, <experiment>/<hash12>/seed-<n>.
    private String requestLine(SweepJob job, Path log, List<String> command) {
        List<String> fields = new ArrayList<>(List.of("run", job.run().toString(), job.run().label(), log.toString(),
                workingDirectory.toString(), commandLine.results().toString(), job.run().toString(),
                Integer.toString(job.chain().size())));
        job.chain().forEach(needed -> fields.add(needed.toString()));
        fields.add(Integer.toString(environment.size()));
        environment.forEach((name, value) -> fields.add(name + "=" + value));
        fields.addAll(command);
        return ProtocolLine.encode(fields);
    }
}
