package org.distill4j.cli.sweep;

import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs each sweep job as its own JVM: {@code java <this JVM's arguments> -cp <class path> org.distill4j.cli.Main run
 * ...} with {@code OMP_NUM_THREADS=1}, its output in the job's log file. A JVM per job keeps jobs from sharing ND4J's
 * native state and lets a crash (out of memory, a native fault) take down one job, not the sweep.
 */
public final class ProcessJobLauncher implements JobLauncher {

    /** The class whose {@code main} is the {@code distill4j} command. */
    public static final String MAIN_CLASS = "org.distill4j.cli.Main";

    private final JavaCommand java;
    private final JobCommandLine commandLine;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final Thread stopChildren = new Thread(this::destroyRunning, "distill4j-sweep-stop-jobs");
    private boolean stopRegistered;

    public ProcessJobLauncher(JavaCommand java, JobCommandLine commandLine) {
        this.java = Objects.requireNonNull(java, "java");
        this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
    }

    @Override
    public CompletableFuture<Integer> start(SweepJob job, Path log) {
        // The job watches the sweep: when the sweep dies, even by SIGKILL, its jobs stop instead of running on as
        // orphans (see SweepParent).
        List<String> command = java.with(List.of("-D" + SweepParent.PROPERTY + "=" + ProcessHandle.current().pid()))
                .command(MAIN_CLASS, commandLine.arguments(job));
        try {
            // The header tells whoever reads the log exactly what ran; the job's output is appended below it. A log
            // is appended to, never truncated: a job of an earlier sweep may still be writing to it.
            Files.writeString(log, "# " + commandLine.shellCommand(job) + "\n# " + command.stream()
                    .map(JobCommandLine::quoted).collect(Collectors.joining(" ")) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put(JobCommandLine.THREADS_VARIABLE, JobCommandLine.THREADS);
            registerStop();
            Process process = builder.start();
            running.add(process);
            process.getOutputStream().close();
            return process.onExit().thenApply(finished -> {
                running.remove(finished);
                return finished.exitValue();
            });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("cannot start " + command.get(0)
                    + " for " + job.run().label() + ": " + FileErrors.describe(e), e));
        }
    }

    // A sweep that is stopped (Ctrl-C, kill) stops its jobs too: their runs stay without DONE and the next sweep
    // redoes them, instead of orphans finishing unseen and racing a new sweep.
    private synchronized void registerStop() {
        if (!stopRegistered) {
            Runtime.getRuntime().addShutdownHook(stopChildren);
            stopRegistered = true;
        }
    }

    private void destroyRunning() {
        running.forEach(Process::destroy);
    }
}
